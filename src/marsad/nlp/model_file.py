"""The NER model file: plain arrays in an uncompressed .npz (read with allow_pickle=False, so
loading it runs no pickled code and builds no Python object per word), written by tools/pack_ner.py.

Entries: `config` (the networks' NetConfig as JSON, UTF-8 bytes), `words`, `pretrained_words`,
`chars` (each vocabulary's items joined by newlines, UTF-8 bytes; no token holds a newline),
`shared/NAME` (weights every network uses: the frozen word table) and `net0/NAME`, `net1/NAME` …
(each network's own weights, half precision). Reading it needs numpy alone (tagging runs without
torch). The older torch format of tools/train_ner.py and tools/ensemble_ner.py (.pt) is read too
(torch imported then), so a freshly trained network can be scored at once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np


@dataclass
class ModelData:
    words: list[str]
    pretrained_words: list[str]
    chars: list[str]
    configs: list[dict[str, Any]]  # one per network (NetConfig fields)
    states: list[dict[str, np.ndarray]]  # one per network, shared weights included


def _joined(items: list[str], name: str) -> np.ndarray:
    if any("\n" in s for s in items):
        raise ValueError(f"a {name} entry holds a newline; the model file cannot store it")
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _split(data: np.ndarray) -> list[str]:
    text = data.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def write_model(path: str | Path, data: ModelData, shared: tuple[str, ...] = ("pretrained.weight",)) -> None:
    """Write `data` as the .npz model file; weights named in `shared` are stored once (they must
    be equal in every network), the rest per network in half precision."""
    arrays: dict[str, np.ndarray] = {
        "config": np.frombuffer(json.dumps(data.configs, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        "words": _joined(data.words, "words"),
        "pretrained_words": _joined(data.pretrained_words, "pretrained_words"),
        "chars": _joined(data.chars, "chars"),
    }
    for name in shared:
        first = data.states[0][name]
        if any(not np.array_equal(s[name].astype(np.float32), first.astype(np.float32)) for s in data.states[1:]):
            raise ValueError(f"{name} differs between the networks; it cannot be stored once")
        arrays[f"shared/{name}"] = first.astype(np.float16)
    for n, state in enumerate(data.states):
        for name, value in state.items():
            if name not in shared:
                arrays[f"net{n}/{name}"] = value.astype(np.float16)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        np.savez(f, **arrays)  # type: ignore[arg-type]  # uncompressed: loads straight into arrays


def read_model(path: str | Path) -> ModelData:
    """The model file at `path` (.npz, or a .pt of tools/train_ner.py / tools/ensemble_ner.py)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: NER model missing; build it as the README's NER section says")
    if path.suffix == ".pt":
        return _read_torch(path)
    try:
        with np.load(path, allow_pickle=False) as z:
            configs = json.loads(z["config"].tobytes().decode("utf-8"))
            shared = {k.split("/", 1)[1]: z[k] for k in z.files if k.startswith("shared/")}
            states: list[dict[str, np.ndarray]] = [dict(shared) for _ in configs]
            for k in z.files:
                if k.startswith("net"):
                    n, name = k.split("/", 1)
                    states[int(n[3:])][name] = z[k]
            return ModelData(_split(z["words"]), _split(z["pretrained_words"]), _split(z["chars"]), configs, states)
    except (KeyError, ValueError, OSError) as e:
        raise ValueError(f"{path}: not a marsad NER model file ({e})") from e


def read_vocabulary(path: str | Path, name: str = "pretrained_words") -> list[str]:
    """One vocabulary of the model file, without reading its weights."""
    path = Path(path)
    if path.suffix == ".pt":
        return list(getattr(read_model(path), name))
    with np.load(path, allow_pickle=False) as z:
        return _split(z[name])


def _read_torch(path: Path) -> ModelData:
    import torch

    blob = torch.load(path, weights_only=True, map_location="cpu")
    as_arrays = {k: v.float().numpy() for k, v in blob.get("shared_state", {}).items()}
    members = blob.get("members") or [{"config": blob["config"], "state": blob["state"]}]
    return ModelData(
        list(blob["words"]),
        list(blob["pretrained_words"]),
        list(blob["chars"]),
        [dict(m["config"]) for m in members],
        [{**as_arrays, **{k: v.float().numpy() for k, v in m["state"].items()}} for m in members],
    )
