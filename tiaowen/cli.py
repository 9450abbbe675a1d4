"""The `tiaowen` command: a thin layer that turns library errors into messages and exit codes."""

from __future__ import annotations

import json
import os
import shlex
import sys

import click

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


def _settings(kb: str | None):
    """The settings from the environment, with --kb; a bad value or name is a message, not a traceback."""
    from .errors import TiaowenError
    from .settings import Settings, from_env

    if kb is not None and not kb.strip():  # --kb "" used the default base without a word
        raise click.UsageError("--kb 不能为空：给出知识库的名字，或去掉 --kb 用默认的 / --kb needs a name")
    try:
        s = from_env(Settings)
        if kb:
            s = s.model_copy(update={"kb": kb})
        s.kb_dir()  # the name is checked before anything touches the disk
    except TiaowenError as exc:
        raise click.ClickException(str(exc)) from None
    return s


def _fail(exc: Exception):
    """Library errors become a message that says how to fix the problem, and exit 1."""
    from ingest.loaders import LoadError

    from .errors import TiaowenError

    if isinstance(exc, (TiaowenError, LoadError)):
        raise click.ClickException(str(exc)) from None
    raise exc


def _echo_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tiaowen")
def main():
    """条文 Tiaowen: clause-cited answers over e-commerce regulations and company rules."""


kb_option = click.option("--kb", default=None, help="knowledge base name (default: default)")
llm_option = click.option("--llm/--no-llm", "use_llm", default=None,
                          help="write with the chat model at TIAOWEN_LLM__BASE_URL, citations verified "
                               "(default: on where it is set); on failure the extractive answer, with a notice")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@kb_option
@click.option("--rebuild", is_flag=True, help="ignore the existing index and build it anew (without PATH: from the "
                                               "files and folders it was built from)")
def ingest(paths, kb, rebuild):
    """Ingest files or folders (.txt .md .docx .pdf .html) into a knowledge base."""
    from ingest.index import KnowledgeBase

    kbase = KnowledgeBase(_settings(kb))
    if not paths:
        paths = kbase.recorded_paths() if rebuild else []
        if not paths:
            raise click.UsageError("请给出要导入的文件或文件夹：tiaowen ingest PATH... / give the files or folders to "
                                   "ingest" + ("" if rebuild else "（或用 --rebuild 按原来的来源重建 / or --rebuild)"))
    bars: dict = {}

    def progress(stage: str, done: int, total: int):
        from tqdm import tqdm

        bar = bars.get(stage)
        if bar is None:
            for other in bars.values():  # a stage ends where the next begins (parsing's bar ran on to the end)
                other.close()
            bar = bars[stage] = tqdm(total=total, desc={"parse": "解析", "embed": "向量化"}.get(stage, stage),
                                     unit="条" if stage == "embed" else "文件", file=sys.stderr)
        bar.update(done - bar.n)

    try:
        r = kbase.ingest(list(paths), rebuild=rebuild, progress=progress)
    except Exception as exc:
        _fail(exc)
    finally:
        for bar in bars.values():
            bar.close()
    click.echo(f"知识库 {kbase.name}: {r.files} 个文件（{r.changed_files} 个有变化，{r.removed_files} 个移除），"
               f"{r.documents} 篇文档，{r.clauses} 条记录，新向量化 {r.embedded} 条，"
               f"近似重复 {r.near_duplicates} 处，用时 {r.seconds:.1f}s")
    for f in r.duplicate_files:
        click.echo(f"跳过与另一文件内容相同的文件 / skipped, identical to another file: {f}")
    for f in r.empty_files:
        click.echo(f"注意：{f} 中没有找到可引用的条文，未收录任何条款 / no citable clause found in this file", err=True)


def _print_answer(ans, as_json: bool, extra: dict | None = None):
    if as_json:
        d = ans.to_dict()
        _echo_json({**(extra or {}), **d})
        return
    if ans.notice:
        click.echo(f"注意：{ans.notice}", err=True)
    click.echo(ans.answer)
    if ans.citations:
        click.echo("")
        for c in ans.citations:
            click.echo(f"[{c.n}] {c.label}（{c.id}）")
    elif ans.retrieved:
        click.echo("\n可能相关：")
        for h in ans.retrieved[:3]:
            click.echo(f"- {h.clause.label}（{h.clause.id}）")


@main.command()
@click.argument("question", required=False)
@kb_option
@click.option("--k", type=click.IntRange(1, 100), default=None, help="clauses retrieved, 1–100 (default 5)")
@click.option("--json", "as_json", is_flag=True, help="print the answer as JSON")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="JSONL of {id, question}; one JSON line out each")
@llm_option
def ask(question, kb, k, as_json, batch, use_llm):
    """Ask a question; every statement of the answer cites a clause."""
    from assistant.generate import check_configured, respond
    from assistant.retrieve import Retriever

    if not question and not batch:
        raise click.UsageError("请给出问题，或用 --batch FILE.jsonl / give a QUESTION or --batch FILE")
    if question and batch:  # the question was dropped without a word
        raise click.UsageError("问题和 --batch 只能给一个 / give a QUESTION or --batch FILE, not both")
    if batch and not as_json:
        raise click.UsageError("--batch 需要 --json / --batch writes JSON lines: add --json")
    try:
        s = _settings(kb)
        llm = s.llm.enabled if use_llm is None else use_llm
        if llm:
            check_configured(s.llm)

        def answer(r, q, k):
            return respond(r, q, k, llm)

        r = Retriever(s)
        if not batch:
            from assistant.checklist import checklist_request

            if (topic := checklist_request(question)) is not None:  # answered all the same: the JSON shape is a contract
                arg = topic if topic.isidentifier() else shlex.quote(topic)  # (售后服务 needs no quotes)
                click.echo(f"提示：这像是要一份清单，可用 tiaowen checklist {arg} 生成 / "
                           f"for a checklist run: tiaowen checklist {arg}", err=True)
            _print_answer(answer(r, question, k), as_json)
            return
        from .errors import BadQuestion

        bad = []
        for no, item, problem in _batch_items(batch):
            qid = item.get("id") if isinstance(item, dict) else None
            if problem:  # this line alone is reported; the others are answered (one bad line lost all after it)
                bad.append(no)
                _echo_json({"id": qid, "line": no, "question": "", "status": "error", "error": problem,
                            "answer": "", "citations": [], "retrieved": []})
                continue
            q = item["question"]
            try:
                _print_answer(answer(r, q, k), True, {"id": qid})
            except BadQuestion as exc:
                _echo_json({"id": qid, "question": q, "status": "error", "error": str(exc),
                            "answer": "", "citations": [], "retrieved": []})
        if bad:
            lines = "、".join(map(str, bad[:10])) + ("…" if len(bad) > 10 else "")
            raise click.ClickException(f"{batch} 第 {lines} 行不是 {{\"id\": ..., \"question\": \"...\"}} 形式的 UTF-8 JSON，"
                                       f"已在输出中标为 error，其余各行已作答 / line(s) {lines} are not JSON objects with an "
                                       "id and a question string: marked error in the output, the others answered")
    except click.ClickException:
        raise
    except Exception as exc:
        _fail(exc)


def _batch_items(path: str):
    """(line number, item, problem) for each non-blank line of a batch file: the problem says what is wrong with a line
    that is not UTF-8, not JSON, or not an object with an id and a question string."""
    from pathlib import Path

    for no, raw in enumerate(Path(path).read_bytes().split(b"\n"), 1):
        raw = raw.removeprefix(b"\xef\xbb\xbf") if no == 1 else raw
        if not raw.strip():
            continue
        try:
            item = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield no, None, f"第 {no} 行不是 UTF-8 编码 / line {no} is not UTF-8"
            continue
        except json.JSONDecodeError:
            yield no, None, f"第 {no} 行不是 JSON / line {no} is not JSON"
            continue
        if not isinstance(item, dict) or "id" not in item or not isinstance(item.get("question"), str):
            yield no, item, (f"第 {no} 行应为 {{\"id\": ..., \"question\": \"...\"}}（question 为字符串）/ line {no} needs an "
                             "id and a question string")
            continue
        yield no, item, None


@main.command()
@click.argument("clause_id")
@kb_option
@click.option("--json", "as_json", is_flag=True)
def show(clause_id, kb, as_json):
    """Show one clause with its label, path and full text."""
    from assistant.retrieve import Retriever

    try:
        r = Retriever(_settings(kb))
        c = r.get(clause_id)
    except Exception as exc:
        _fail(exc)
    if as_json:
        _echo_json({**c.to_dict(), "full_text": r.full_text(c)})
        return
    click.echo(c.label)
    click.echo(" › ".join(c.path))
    click.echo("")
    click.echo(r.full_text(c))


@main.command()
@kb_option
@click.option("--json", "as_json", is_flag=True)
def docs(kb, as_json):
    """List the documents of a knowledge base with their clause counts."""
    from ingest.index import KnowledgeBase

    kbase = KnowledgeBase(_settings(kb))
    try:
        m = kbase.manifest()
        if m is None:
            from .errors import IndexMissing

            raise IndexMissing(f"知识库 {kbase.name!r} 还没有建立：请先运行 `tiaowen ingest PATH --kb {kbase.name}` / run ingest first")
        clauses = kbase.load_clauses(m)
    except Exception as exc:
        _fail(exc)
    counts: dict[str, list] = {}
    for c in clauses:
        e = counts.setdefault(c.doc_id, [c.document, c.source, 0])
        e[2] += c.role == "clause"
    rows = [{"doc_id": d, "title": t, "source": src, "clauses": n} for d, (t, src, n) in counts.items()]
    if as_json:
        _echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['clauses']:5d}  {r['title']}  ({r['doc_id']})")
    click.echo(f"共 {len(rows)} 篇文档，{sum(r['clauses'] for r in rows)} 条可引用条款")


def _split(values) -> list[str]:
    return [v.strip() for x in values for v in x.split(",") if v.strip()]


@main.command("eval")
@click.option("--qa", "qa", multiple=True, metavar="FILE|NAME",
              help="Q&A set: a built-in name (seed, laws, stard-sample, seed+laws) or a .jsonl / STARD .json file; "
                   "repeatable (default: seed, laws, stard-sample)")
@click.option("--corpus", multiple=True, type=click.Path(), help="files or folders an external --qa FILE is asked over")
@click.option("--config", "configs", multiple=True, metavar="NAME",
              help="configuration(s) to compare, repeatable or comma-separated (default: all); "
                   "ours, bm25, dense, naive-langchain, chatchat; add -m3e for the m3e-small backend")
@click.option("--out", type=click.Path(file_okay=False), default="eval-report", show_default=True,
              help="folder for report.md, results.json and chart.png")
@click.option("--json", "as_json", is_flag=True, help="print the summary metrics as JSON")
@click.option("--from-feedback", type=click.Path(dir_okay=False), default=None,
              help="turn the app's feedback.jsonl into Q&A items in --out (feedback_qa.jsonl, feedback_review.jsonl, "
                   "feedback_checklists.jsonl)")
def eval_cmd(qa, corpus, configs, out, as_json, from_feedback):
    """Evaluate retrieval and citations on Q&A sets, comparing configurations in one run."""
    from tqdm import tqdm

    if from_feedback:
        from pathlib import Path

        from eval.sets import qa_from_feedback

        try:
            good, review, checklists = qa_from_feedback(from_feedback)
        except Exception as exc:
            _fail(exc)
        Path(out).mkdir(parents=True, exist_ok=True)
        for name, items in (("feedback_qa.jsonl", good), ("feedback_review.jsonl", review),
                            ("feedback_checklists.jsonl", checklists)):
            (Path(out) / name).write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items),
                                          encoding="utf-8")
        click.echo(f"{len(good)} 条可直接使用的问答（👍），{len(review)} 条待人工补写答案（👎），"
                   f"{len(checklists)} 份评价过的清单待核对 → {out}")
        return

    from eval.report import summary_json, write_report
    from eval.runner import run_eval
    from eval.sets import BUILTIN, DEFAULT_SETS, LawsMissing, builtin, from_file
    from eval.systems import DEFAULT_CONFIGS, config

    try:
        cfgs = [config(n) for n in (_split(configs) or DEFAULT_CONFIGS)]
        sets, skipped = [], []
        for name in _split(qa) or DEFAULT_SETS:
            try:
                sets.append(builtin(name) if name in BUILTIN else from_file(name, list(corpus)))
            except LawsMissing as exc:
                skipped.append(f"{name}: {exc}")
                click.echo(f"跳过 {name}: {exc}", err=True)
        if not sets:
            raise click.ClickException("没有可运行的问答集 / no Q&A set to run")
        run = run_eval(sets, cfgs, _settings(None), on_stage=lambda m: click.echo(m, err=True),
                       bar=lambda total, desc: tqdm(total=total, desc=desc, unit="题", file=sys.stderr))
        run.skipped = skipped
        report = write_report(run, out)
    except click.ClickException:
        raise
    except Exception as exc:
        _fail(exc)
    if as_json:
        _echo_json(summary_json(run))
        return
    for sr in run.sets:
        click.echo(f"{sr.qa.name} ({len(sr.qa.questions)} questions)")
        for name, m in sr.summary.items():
            click.echo(f"  {name:22s} hit@1 {m['hit@1']:.3f}  MRR {m['mrr']:.3f}  recall@5 {m['recall@5']:.3f}  "
                       f"cite F1 {m['cite_f1']:.3f}  not_found recall {m['nf_recall']:.2f}")
    click.echo(f"报告 / report: {report}")


@main.command("checklist")
@click.argument("topic")
@kb_option
@click.option("--scope", type=click.Choice(["交易型", "第三方平台型", "支撑服务型"]), default=None,
              help="keep the DB33/T 932—2014 requirements of this enterprise type only")
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "xlsx", "docx", "json"]), default=None,
              help="output format (default: from -o's suffix, else md)")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="write to this file")
@llm_option
def checklist_cmd(topic, kb, scope, fmt, output, use_llm):
    """Draft a compliance checklist on a topic: one item per obligation, each cited."""
    from pathlib import Path

    from assistant.checklist import checklist
    from assistant.export import FORMATS, export
    from assistant.retrieve import Retriever

    suffix = Path(output).suffix.lstrip(".").lower() if output else ""
    if suffix and suffix not in FORMATS:  # markdown written to x.pdf opened as nothing
        raise click.UsageError(f"-o 的扩展名 .{suffix} 不是可导出的格式（{' '.join('.' + f for f in FORMATS)}）/ "
                               f"-o must end in one of {', '.join(FORMATS)}")
    if fmt and suffix and fmt != suffix:  # csv written to x.xlsx, which Excel will not open
        raise click.UsageError(f"--format {fmt} 与 -o 的扩展名 .{suffix} 不一致：去掉其中一个，或改成一致 / "
                               f"--format {fmt} disagrees with -o's .{suffix}")
    fmt = fmt or suffix or "md"
    if fmt in ("xlsx", "docx") and not output:
        raise click.UsageError(f"{fmt} 是二进制格式：请用 -o FILE.{fmt} 指定输出文件 / give -o FILE.{fmt}")
    if output and not Path(output).absolute().parent.is_dir():  # said before the checklist is drafted, not after
        raise click.UsageError(f"-o 所在的文件夹不存在：{Path(output).parent}，请先创建 / the folder of -o does not exist")
    try:
        s = _settings(kb)
        polish = s.llm.enabled if use_llm is None else use_llm
        if polish:
            from assistant.generate import check_configured, polish_checklist

            check_configured(s.llm)
        r = Retriever(s)
        cl = checklist(r, topic, scope)
        if polish:
            cl = polish_checklist(r, cl)
            click.echo(f"注意：{cl.notice}", err=True)
        data = export(cl, fmt)
    except Exception as exc:
        _fail(exc)
    if output:
        tmp = Path(output).with_name(Path(output).name + ".tmp")
        try:
            tmp.write_bytes(data)
            tmp.replace(output)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise click.ClickException(f"无法写入 {output}：{exc.strerror or exc}（换一个可写的位置）/ cannot write {output}")
        click.echo(f"{len(cl.items)} 项 → {output}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


if __name__ == "__main__":
    main()
