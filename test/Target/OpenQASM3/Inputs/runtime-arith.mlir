// `rx(c[0] * pi) r;`: the .qru front end rejects a bit outside a condition
// itself (see ibm-rules.test), so the model is written in the dialect: the bit
// becomes an angle.
module {
  qru.model @runtime_arith {
    qru.qubits @q[2]
    qru.qubits @r[1]
    qru.bits @c[2]
    qru.output @y : f64 at last
    qru.step(%c: tensor<2xi1>) {
      %c1 = arith.constant 1 : index
      %c0 = arith.constant 0 : index
      %q0 = qru.alloc @q[0]
      %q1 = qru.alloc @q[1]
      %r0 = qru.alloc @r[0]
      %extracted = tensor.extract %c[%c0] : tensor<2xi1>
      %extracted_1 = tensor.extract %c[%c1] : tensor<2xi1>
      %f = arith.uitofp %extracted : i1 to f64
      %0 = qru.rx(%f) %r0
      %1 = qru.h %q0
      %2 = qru.h %q1
      %bit, %out_qubit = qru.measure %1
      %inserted = tensor.insert %bit into %c[%c0] : tensor<2xi1>
      %bit_0, %out_qubit_1 = qru.measure %2
      %inserted_2 = tensor.insert %bit_0 into %inserted[%c1] : tensor<2xi1>
      %value, %out_qubits = qru.expval "Z" %0
      qru.yield %inserted_2, %value : tensor<2xi1>, f64
    }
  }
}
