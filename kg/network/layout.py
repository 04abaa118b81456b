"""Node positions computed in Python, so that the browser never runs a physics simulation.

A Fruchterman–Reingold force layout (the algorithm of networkx's ``spring_layout``),
vectorized with NumPy: repulsion between all pairs is computed block by block in
float32 and attraction along the edges with ``np.bincount``.  networkx's own
``spring_layout`` needs about 95 s for 5,000 nodes and 50,000 edges on this project's
2-core machine, and ``forceatlas2_layout`` 160 s; this one 6 to 16 s, depending on the load (see
benchmarks/network_bench.py).  The start positions come from a seeded generator, so the
same graph always gets the same picture.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

GRAVITY = 4.0
_BLOCK = 512  # rows of the pairwise blocks: 512 × n float32 values per array


def force_layout(
    graph: nx.Graph, seed: int = 0, iterations: int = 60, gravity: float = GRAVITY
) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for every node, by Fruchterman–Reingold with edge weights
    as spring strengths (log-damped, so that one heavy edge does not collapse a pair)."""
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in graph.edges], dtype=np.int64).reshape(-1, 2)
    strength = np.array(
        [1.0 + math.log(w) for _, _, w in graph.edges(data="weight", default=1)],
        dtype=np.float32,
    )
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))  # ideal distance in the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        displacement = _repulsion(pos, k)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            distance = np.maximum(np.sqrt((delta * delta).sum(axis=1)), 0.01)
            pull = delta * (distance * strength / k)[:, None]
            for axis in (0, 1):
                displacement[:, axis] += np.bincount(
                    edges[:, 1], weights=pull[:, axis], minlength=n
                ) - np.bincount(edges[:, 0], weights=pull[:, axis], minlength=n)
        displacement -= (pos - pos.mean(axis=0)) * (gravity * k)
        length = np.maximum(np.sqrt((displacement * displacement).sum(axis=1)), 0.01)
        pos += displacement * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    scale = float(np.abs(pos).max()) or 1.0
    return {
        node: (float(x) / scale, float(y) / scale) for node, (x, y) in zip(nodes, pos, strict=True)
    }


def _repulsion(pos: np.ndarray, k: np.float32) -> np.ndarray:
    """Sum over all other nodes of k² / d along the vector between them."""
    x, y = np.ascontiguousarray(pos[:, 0]), np.ascontiguousarray(pos[:, 1])
    force = np.empty_like(pos)
    for start in range(0, len(pos), _BLOCK):
        dx = x[start : start + _BLOCK, None] - x[None, :]
        dy = y[start : start + _BLOCK, None] - y[None, :]
        scale = dx * dx
        scale += dy * dy
        np.maximum(scale, np.float32(1e-4), out=scale)
        np.divide(k * k, scale, out=scale)
        force[start : start + _BLOCK, 0] = np.einsum("ij,ij->i", dx, scale)
        force[start : start + _BLOCK, 1] = np.einsum("ij,ij->i", dy, scale)
    return force
