"""Ajv (JavaScript) and essprogramme.schemas give the same verdicts and paths.

Run by .ci/run after npm installed ajv: writes the shipped example, a
programme with every v2 field and the bad documents of tests/test_schemas.py
to a folder, validates them with .ci/ajv-validate.cjs, and compares with the
Python validator. The good documents must be valid on both sides.

Ajv locates a ``uniqueItems`` failure at the array (once, whatever the
number of repeats), where essprogramme names each later copy: a
``duplicate`` problem is compared at its array.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root / "tests"))

from essprogramme import Problem, ValidationError, schemas  # noqa: E402
from test_schemas import BAD, _bad, _good_documents  # noqa: E402


def pointer(location: tuple[str | int, ...]) -> str:
    return "".join(f"/{step}" for step in location)


def ajv_pointer(problem: Problem) -> str:
    """Where Ajv reports the same problem."""
    location = problem.location[:-1] if problem.code == "duplicate" else problem.location
    return pointer(location)


def main(node_modules: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        cases = {f"good-{name}.json": doc for name, doc in _good_documents().items()}
        cases.update(
            {f"bad-{i:03d}-{case}.json": _bad(change) for i, (case, change, _) in enumerate(BAD)}
        )
        for name, document in cases.items():
            Path(tmp, name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        result = subprocess.run(
            ["node", str(root / ".ci/ajv-validate.cjs"), str(root / "schemas"), *sorted(Path(tmp).glob("*.json"))],
            capture_output=True, text=True, check=True, env={"NODE_PATH": node_modules, "PATH": "/usr/bin:/usr/local/bin:/bin"},
        )  # fmt: skip
        failures = 0
        seen = 0
        for line in result.stdout.splitlines():
            verdict = json.loads(line)
            name = Path(verdict["file"]).name
            seen += 1
            try:
                schemas.validate(cases[name])
                python = (True, [])
            except ValidationError as error:
                python = (False, sorted({ajv_pointer(p) for p in error.problems}))
            ajv = (verdict["valid"], verdict["paths"])
            same = python == ajv and (ajv[0] or not name.startswith("good-"))
            same = same and (not ajv[0] or not name.startswith("bad-"))
            failures += not same
            print(f"{'same' if same else 'DIFFERENT'}: {name}: python {python} ajv {ajv}")
        if seen != len(cases):
            print(f"Ajv judged {seen} of {len(cases)} documents")
            failures += 1
        if failures == 0:
            print(f"ajv and essprogramme agree on {len(cases)} documents")
        return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
