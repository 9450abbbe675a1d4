"""Assistant: hybrid retrieval, direct clause lookup and extractive answers with citations."""
