package models

import (
	"fmt"
	"io"
)

// MaxImportRows is the most activities one CSV import may add: enough for a lifetime of
// CEUs, small enough that saving them holds SQLite's write lock for well under a second
// (1,000 rows took 0.3 s on a busy 2-core machine; 60,000 took 8 s).
const MaxImportRows = 1000

// MaxImportBytes is the largest CSV file one import may send: 1 MiB.
const MaxImportBytes = 1 << 20

// importTooBig is the problem reported for a file over either limit.
func importTooBig(line int) ImportProblem {
	return ImportProblem{Line: line, Message: fmt.Sprintf(
		"The file is too big to import at once: at most %d activities and 1 MB per file. Split it and import each part.",
		MaxImportRows)}
}

// importSizeGuard reads at most MaxImportBytes from r and remembers when there was more.
type importSizeGuard struct {
	r    io.Reader
	read int64
	more bool
}

func (g *importSizeGuard) Read(p []byte) (int, error) {
	if g.read >= MaxImportBytes {
		var probe [1]byte
		if n, _ := io.ReadFull(g.r, probe[:]); n > 0 {
			g.more = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > MaxImportBytes-g.read {
		p = p[:MaxImportBytes-g.read]
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	return n, err
}

// over tells whether the file is larger than MaxImportBytes.
func (g *importSizeGuard) over() bool { return g.more }
