"""Checks and updates the generated part of a hand-written markdown page.

A page such as docs/dialect.md is prose followed by the reference that
mlir-tblgen generates, between a BEGIN marker line and END_MARKER. The
tests compare that part with fresh mlir-tblgen output; `update` replaces it.
"""
import difflib
import sys

END_MARKER = "<!-- END generated -->"


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def split_doc(path, begin_marker):
    """Returns DOC as (text before the generated part, the part, text after)."""
    text = read(path)
    begin, end = text.find(begin_marker), text.find(END_MARKER)
    if begin < 0 or end < begin:
        sys.exit(f"{path}: expected the marker lines\n  {begin_marker}\n"
                 f"  {END_MARKER}")
    begin += len(begin_marker) + 1
    return text[:begin], text[begin:end], text[end:]


def check(generated_path, doc_path, begin_marker, how_to_regenerate):
    """Fails, with a diff and `how_to_regenerate`, unless DOC is current."""
    _, part, _ = split_doc(doc_path, begin_marker)
    generated = read(generated_path)
    if part == generated:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        part.splitlines(keepends=True), generated.splitlines(keepends=True),
        f"{doc_path} (generated part)", "mlir-tblgen output"))
    print(f"\n{doc_path} is out of date; regenerate it:\n{how_to_regenerate}")
    return 1


def update(generated_path, doc_path, begin_marker):
    before, _, after = split_doc(doc_path, begin_marker)
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(before + read(generated_path) + after)
    return 0
