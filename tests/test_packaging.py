"""What is published: metadata that pins nothing, an sdist with what its Makefile names."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path


def test_the_published_metadata_pins_nothing_and_the_sdist_has_what_its_makefile_names(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(tmp_path)],
        cwd=root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith("/METADATA"))
    head = metadata.split("\n\n", 1)[0].splitlines()
    assert sorted(line for line in head if line.startswith("Requires-Dist:")) == [
        "Requires-Dist: attrs>=23.1",
        "Requires-Dist: h11<1,>=0.14",
        "Requires-Dist: httpx<1,>=0.27",
        "Requires-Dist: opentelemetry-api>=1.30; extra == 'otel'",
        "Requires-Dist: opentelemetry-exporter-otlp-proto-http>=1.30; extra == 'otel'",
        "Requires-Dist: opentelemetry-sdk>=1.30; extra == 'otel'",
        "Requires-Dist: trustme>=1.1; extra == 'tls'",
    ]
    # Two optional features (the emulator's HTTPS, traces); development tools live in dependency groups.
    assert sorted(line for line in head if line.startswith("Provides-Extra:")) == [
        "Provides-Extra: otel",
        "Provides-Extra: tls",
    ]
    assert not [line for line in head if line.startswith("Requires-Dist:") and "==" in line.split(";")[0]]  # no pins
    assert "License-Expression: MIT" in head and not [line for line in head if line.startswith("Classifier: License")]
    (sdist,) = tmp_path.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    makefile = (root / "Makefile").read_text()
    for folder in ("bench", "scripts", "templates", "tests", "examples", "client/runsteps"):
        assert folder.split("/")[0] in makefile  # a target of the sdist's Makefile reads it
        assert any(name.startswith(folder + "/") for name in names), folder
