"""Every code block in README.md runs, against the emulator, and does what the README says.

Python blocks are executed in a scratch folder holding the export the README makes, with each
family's environment pointing at an emulator of its flavour whose demo runs have finished
(OPENAI_*, AZURE_OPENAI_*, PROJECT_ENDPOINT); azure-identity's DefaultAzureCredential hands out the
emulators' tokens, by scope, as Entra ID would. The block that defines a pytest test is then called
with a fresh emulator. Shell blocks run in bash with the same environment and the package's commands
on PATH, with substitutions, so that a test neither recurses nor needs the network: `make X` runs as
`make -n X` (the targets exist and expand), `pip install .` as an offline `--dry-run` of this
checkout, the example port 8765 as a free port, and Azure's example endpoint and token command as
the emulator's.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from runsteps.emulator import Clock, Emulator, ManualClock, RealClock
from runsteps.emulator.demo_script import add_demo_runs

pytestmark = pytest.mark.readme
ROOT = Path(__file__).resolve().parent.parent
BLOCKS = re.findall(r"```(\w+)\n(.*?)```", (ROOT / "README.md").read_text(), flags=re.DOTALL)
PYTHON = [code for lang, code in BLOCKS if lang == "python"]
SHELL = [code for lang, code in BLOCKS if lang == "sh"]


def test_the_readme_has_only_blocks_this_test_runs() -> None:
    assert {lang for lang, _ in BLOCKS} <= {"python", "sh", "text"}
    assert len(PYTHON) >= 10 and len(SHELL) >= 7
    assert "make demo" in SHELL[0].splitlines()[0]  # the README's first command


def demo_emulators(clock: Callable[[], Clock], *flavours: str) -> Iterator[dict[str, Emulator]]:
    running = {flavour: Emulator(clock=clock(), flavour=flavour) for flavour in flavours}  # type: ignore[arg-type]
    for emu in running.values():
        emu.start()
        add_demo_runs(emu)
    yield running
    for emu in running.values():
        emu.stop()


@pytest.fixture(scope="module")
def emulators() -> Iterator[dict[str, Emulator]]:
    """One emulator a family, their demo runs long finished."""
    yield from demo_emulators(lambda: ManualClock(t=1000), "openai", "azure", "azure-agents")


@pytest.fixture(scope="module")
def env(emulators: dict[str, Emulator]) -> dict[str, str]:
    openai, azure, agents = emulators["openai"], emulators["azure"], emulators["azure-agents"]
    return {
        "OPENAI_BASE_URL": openai.base_url,
        "OPENAI_API_KEY": openai.api_key,
        "AZURE_OPENAI_ENDPOINT": azure.endpoint,
        "AZURE_OPENAI_API_KEY": azure.api_key,
        "OPENAI_API_VERSION": azure.api_version or "",
        "PROJECT_ENDPOINT": agents.endpoint,
    }


class ScopedCredential:
    """What DefaultAzureCredential gives in these tests: a token of the emulator the scope names."""

    def __init__(self, emulators: dict[str, Emulator]) -> None:
        self.by_scope = {
            "https://cognitiveservices.azure.com/.default": emulators["azure"].credential,
            "https://ai.azure.com/.default": emulators["azure-agents"].credential,
        }

    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        return self.by_scope[scopes[0]].get_token(*scopes)


@pytest.fixture(scope="module")
def recorded(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The export the README makes (`runsteps export thread_demo -o recorded.jsonl`), made once: the runs
    it records finished long ago, so every block would get the same file."""
    folder = tmp_path_factory.mktemp("recorded")
    export = [sys.executable, "-m", "runsteps", "export", "thread_demo", "-o", "recorded.jsonl", "--quiet"]
    subprocess.run(export, cwd=folder, env={**os.environ, **env}, check=True, timeout=60)
    return folder / "recorded.jsonl"


@pytest.fixture
def scratch(recorded: Path, tmp_path: Path) -> Path:
    """A folder of the block's own, holding the export."""
    shutil.copy(recorded, tmp_path / recorded.name)
    return tmp_path


# A block warns of nothing but what the README says openai warns. (A ResourceWarning is the garbage
# collector's, which may be collecting what any earlier test left: see the dropped-client test.)
@pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("index", range(len(PYTHON)))
def test_python_block(
    index: int,
    env: dict[str, str],
    emulators: dict[str, Emulator],
    scratch: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: Any,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(scratch)
    import azure.identity

    monkeypatch.setattr(azure.identity, "DefaultAzureCredential", lambda: ScopedCredential(emulators))
    namespace: dict[str, Any] = {"__name__": f"readme_block_{index}"}
    exec(compile(PYTHON[index], f"README.md python block {index}", "exec"), namespace)
    for test in [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]:
        with Emulator() as fresh:
            test(fresh)  # a block that defines a test taking the runsteps_emulator fixture
    printed = capsys.readouterr().out
    for snippet, text in PRINTS.items():
        if snippet in PYTHON[index]:
            assert text in printed


# What a block containing the snippet prints, as its comments say.
PRINTS = {
    "pager.cursor": "250 steps",
    "limit=500": "limit must be an integer from 1 to 100, got 500",
    "runsteps.PayloadError": "step_details.tool_calls[0]: expected an object, got number",
    '"step_06_retry"': "failed The tool failed.",
    "read_archive": "{'code_interpreter': 1275, 'file_search': 650, 'function': 657}",
    "for_azure_agents(token_provider": "docs Search the docs.\nRevenue grew 12%.\ndocs search 3 pages",
    "for_azure()": "['step_az_01_tools', 'step_az_02_bing', 'step_az_03_grounding', 'step_az_04_services', 'step_az_05",
    "client.runs.process(": "completed",
    "record_run(": "['execute_tool code_interpreter', 'execute_tool convert_currency', 'execute_tool file_search']",
}
ACTING = ("runsteps submit", "runsteps cancel", "runsteps approve")
# Blocks run against a freshly started emulator: they must work whenever they are pasted.
FRESH = (*ACTING, "runsteps list thread_demo run_demo")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def as_tested(code: str, port: int, agents: Emulator, archive_port: int | None = None) -> str:
    code = code.replace("https://NAME.services.ai.azure.com/api/projects/PROJECT", agents.endpoint)
    token_command = f"{sys.executable} -m runsteps.emulator.token {agents.origin}"
    code = code.replace(
        "az account get-access-token --resource https://ai.azure.com --query accessToken -o tsv", token_command
    )
    code = re.sub(r"^make (\S+)", r"make -n -C '" + str(ROOT) + r"' \1", code, flags=re.MULTILINE)
    code = code.replace(
        "pip install .",
        f"'{sys.executable}' -m pip install --dry-run --no-index --no-build-isolation --no-deps '{ROOT}'",
    )
    return code.replace("8765", str(port)).replace("8766", str(archive_port or free_port()))


@pytest.fixture
def live() -> Iterator[dict[str, Emulator]]:
    """Emulators just started, for a block that changes runs or reads them as someone who has just
    started `runsteps emulator` would: the demo's runs are going (run_demo for about 10 s, played
    here four times as fast, as `runsteps emulator --speed 4` would)."""
    yield from demo_emulators(lambda: RealClock(speed=4.0), "openai", "azure-agents")


@pytest.mark.parametrize("index", range(len(SHELL)))
def test_shell_block(
    index: int, env: dict[str, str], emulators: dict[str, Emulator], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    port = free_port()
    if any(command in SHELL[index] for command in FRESH):
        emulators = request.getfixturevalue("live")
        env = {
            **env,
            "OPENAI_BASE_URL": emulators["openai"].base_url,
            "PROJECT_ENDPOINT": emulators["azure-agents"].endpoint,
        }
    script = as_tested(SHELL[index], port, emulators["azure-agents"])
    if "runsteps emulator" in script:
        # The block starts a server in the background: show that it serves, then stop it.
        script += (
            "\nfor i in $(seq 100); do runsteps run thread_demo run_demo > /dev/null 2>&1 && break; sleep 0.1; done"
            "\nrunsteps run thread_demo run_demo | jq -e '.id == \"run_demo\"'"
        )
    script = "trap '[ -z \"$(jobs -p)\" ] || kill $(jobs -p)' EXIT\n" + script  # background jobs end with the block
    bin_dir = str(Path(sys.executable).parent)
    run_env = {**os.environ, **env, "PATH": bin_dir + os.pathsep + os.environ["PATH"]}
    done = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script],
        cwd=tmp_path,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    if "case $status" in script:
        assert done.stdout.strip() == "step failed: The tool failed."
    if "runsteps list" in script:
        assert "step_01_plan completed" in done.stdout and (tmp_path / "steps.jsonl").read_text().count("\n") == 8
    if "make -n" in script:
        assert "generate.py" in done.stdout or "runsteps demo" in done.stdout
    if "pip install" in script:
        assert "Would install runsteps-sdk" in done.stdout
    if "RUNSTEPS_SERVER=azure-agents" in script and "runsteps submit" not in script:
        assert done.stdout.strip() == "completed"
    if "runsteps submit" in script:  # the submitted run and the approved one, each followed to its end
        assert done.stdout.split("\n") == [
            "call_tools_weather get_weather",
            "call_tools_fx convert_currency",
            "completed",
            "completed",
            "",
        ]
    if "runsteps timeline" in script:  # the steps piped to a file, the page, and the same from an export file
        steps = (tmp_path / "timeline.jsonl").read_text()
        assert steps.count("\n") == 8 and '<li class="step' in (tmp_path / "run_demo.html").read_text()
        assert done.stdout.count(steps) == 2
    if "--archive recorded.jsonl" in script:
        # The thread; three runs (run_archive, run_demo, run_tools) and their 250, 8 and 1 steps; the messages:
        # a user's turn a run, run_archive's 250 answers and run_demo's two (run_tools waits for its outputs).
        assert (tmp_path / "recorded.jsonl").read_text().count("\n") == 1 + 3 + 259 + 3 + 250 + 2


# What a reader's Python sees of Azure Entra ID in the in-order run: a token from the emulator the
# scope names (each emulator hands out tokens at its token path).
AZURE_IDENTITY = """
import json, os, time, urllib.request
import azure.identity
from azure.core.credentials import AccessToken

class _EmulatorCredential:
    def get_token(self, *scopes, **kwargs):
        origin = os.environ["RUNSTEPS_README_TOKENS_" + ("AGENTS" if "ai.azure.com" in scopes[0] else "AZURE")]
        with urllib.request.urlopen(origin + "/_emulator/token", timeout=10) as answer:
            return AccessToken(json.loads(answer.read())["token"], int(time.time()) + 3000)

azure.identity.DefaultAzureCredential = lambda *a, **k: _EmulatorCredential()
"""


def in_order_script(agents: Emulator) -> str:
    """Every block a reader runs after installing, in the README's order, in one shell: the shell
    blocks as they are, each Python block as `python -` with the shell's environment and folder."""
    port, archive_port = free_port(), free_port()
    parts = ["trap '[ -z \"$(jobs -p)\" ] || kill $(jobs -p)' EXIT"]
    for lang, code in BLOCKS:
        if lang == "sh" and not re.search(r"^(make|pip) ", code, flags=re.MULTILINE):
            # The reader's emulator plays its runs four times as fast: the same order of events, in a quarter of the time.
            parts.append(
                as_tested(code, port, agents, archive_port).replace(
                    "runsteps emulator --port", "runsteps emulator --speed 4 --port"
                )
            )
            if "runsteps emulator --port" in code:  # the reader reads on once it answers (half a second in)
                parts.append(
                    "for i in $(seq 100); do runsteps get thread_demo run_demo step_01_plan > /dev/null 2>&1 && break;"
                    " sleep 0.1; done"
                )
        elif lang == "python":
            parts.append(f"python - <<'README_PYTHON'\n{code}README_PYTHON")
    return "\n".join(parts)


@pytest.mark.in_order
def test_the_readme_followed_in_order_in_one_shell_against_one_emulator(tmp_path: Path) -> None:
    # As a reader does: `runsteps emulator` started by its block, then every block pasted in turn, the
    # acting ones included, each later block still reading what the README says it reads.
    with Emulator(flavour="azure") as azure, Emulator(flavour="azure-agents", clock=RealClock()) as agents:
        add_demo_runs(azure)
        add_demo_runs(agents)
        (tmp_path / "site").mkdir()
        (tmp_path / "site" / "sitecustomize.py").write_text(AZURE_IDENTITY)
        env = {
            **os.environ,
            "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"],
            "PYTHONPATH": str(tmp_path / "site"),
            "AZURE_OPENAI_ENDPOINT": azure.endpoint,
            "AZURE_OPENAI_API_KEY": azure.api_key,
            "OPENAI_API_VERSION": azure.api_version or "",
            "PROJECT_ENDPOINT": agents.endpoint,
            "RUNSTEPS_README_TOKENS_AZURE": azure.origin,
            "RUNSTEPS_README_TOKENS_AGENTS": agents.origin,
        }
        for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "RUNSTEPS_SERVER", "PYTHONWARNINGS"):
            env.pop(name, None)
        work = tmp_path / "reader"
        work.mkdir()
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", in_order_script(agents)],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    # Each block printed what the README says, in the state the blocks before it left.
    assert "step failed: The tool failed." in out
    assert "{'code_interpreter': 1275, 'file_search': 650, 'function': 657}" in out
    assert "call_tools_weather get_weather\ncall_tools_fx convert_currency\ncompleted\ncompleted\n" in out
    assert "step_08_answer completed" in out and "docs Search the docs." in out


def test_the_performance_table_is_the_one_a_full_bench_run_wrote_and_is_dated() -> None:
    # The figures in the README come from `make bench` (bench/_report.py writes them), not from a hand:
    # the block is in the writer's exact shape, dated, and every goal has this run's verdict.
    sys.path.insert(0, str(ROOT))
    try:
        from bench import _report
        from bench._measure import Headline
    finally:
        sys.path.remove(str(ROOT))
    text = (ROOT / "README.md").read_text()
    block = text.split(_report.BEGIN, 1)[1].split(_report.END, 1)[0].strip("\n")
    dated, _, table = block.partition("\n\n")
    assert re.fullmatch(r"Measured by `make bench` on \d{4}-\d{2}-\d{2}: runsteps .+, \d+ CPUs\.", dated), dated
    headlines = []
    for line in table.splitlines()[2:]:
        what, ours, beside, goal, verdict = (cell.strip() for cell in line.strip("|").split(" | "))
        assert (verdict == "") == (goal == ""), line
        headlines.append(Headline(what, ours, beside, goal, None if not verdict else verdict == "met"))
    assert len(headlines) >= 15
    assert _report.markdown(headlines, dated) == block
