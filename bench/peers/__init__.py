"""PennyLane versions of the benchmarked qruc models, gate by gate.

Each module mirrors one .qru file of examples/ and offers the peers that
bench/train_throughput.py runs side by side with qruc on the same batch:
`jax_value_and_grad` (default.qubit, JAX, jitted) and
`lightning_value_and_grad` (lightning.qubit, adjoint differentiation).
"""
