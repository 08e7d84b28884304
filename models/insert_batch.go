package models

// insertBatch is how many rows one multi-row INSERT carries. The SQLite driver
// binds each parameter by scanning all of the statement's arguments, so a
// statement's cost grows with the square of its parameters: 1,000 CEU rows took
// 0.3–0.9 s in batches of 500 (13 columns, 6,500 parameters) and about 35 ms in
// batches of 25, which keeps an import's hold on the one writer short.
const insertBatch = 25
