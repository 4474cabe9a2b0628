"""Ajv (JavaScript) and essprogramme.schemas give the same verdicts and paths.

Run by .ci/run after npm installed ajv: writes the shipped example and the
bad documents of tests/test_schemas.py to a folder, validates them with
.ci/ajv-validate.cjs, and compares with the Python validator.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root / "tests"))

from essprogramme import ValidationError, schemas  # noqa: E402
from test_schemas import _bad_documents  # noqa: E402


def pointer(location: tuple[str | int, ...]) -> str:
    return "".join(f"/{step}" for step in location)


def main(node_modules: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        cases = {"example.json": schemas.example_document()}
        cases.update({f"bad-{i:02d}.json": doc for i, doc in enumerate(_bad_documents())})
        for name, document in cases.items():
            Path(tmp, name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        result = subprocess.run(
            ["node", str(root / ".ci/ajv-validate.cjs"), str(root / "schemas"), *sorted(Path(tmp).glob("*.json"))],
            capture_output=True, text=True, check=True, env={"NODE_PATH": node_modules, "PATH": "/usr/bin:/usr/local/bin:/bin"},
        )  # fmt: skip
        failures = 0
        for line in result.stdout.splitlines():
            verdict = json.loads(line)
            name = Path(verdict["file"]).name
            try:
                schemas.validate(cases[name])
                python = (True, [])
            except ValidationError as error:
                python = (False, sorted({pointer(p.location) for p in error.problems}))
            ajv = (verdict["valid"], verdict["paths"])
            same = python == ajv
            failures += not same
            print(f"{'same' if same else 'DIFFERENT'}: {name}: python {python} ajv {ajv}")
        if cases["example.json"] and failures == 0:
            print(f"ajv and essprogramme agree on {len(cases)} documents")
        return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
