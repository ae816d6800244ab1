package words

import (
	"fmt"
	"strings"
)

// A FileError is a message file that go-i18n would refuse: which file, where, and why.
// Message files are embedded and checked by the tests, so it is a developer's sentence, in
// English: the message files cannot say that they cannot be read.
type FileError struct {
	Path string
	// Offset counts the bytes read when the fault was found, as encoding/json's
	// SyntaxError.Offset does; Line and Column (from 1, Column in bytes) are where the byte
	// at fault is: the end of the file when it ends too soon, the start of the value go-i18n
	// refuses otherwise.
	Offset       int
	Line, Column int
	// Syntax is set when the file is not JSON (encoding/json refuses it); otherwise go-i18n
	// refuses what the JSON holds.
	Syntax bool
	Err    error
}

func (e *FileError) Error() string {
	what := "go-i18n refuses it"
	if e.Syntax {
		what = "not JSON"
	}
	return fmt.Sprintf("%s:%d:%d (byte %d): %s: %v", e.Path, e.Line, e.Column, e.Offset, what, e.Err)
}

func (e *FileError) Unwrap() error { return e.Err }

// fault is the FileError of the file s reads, at the byte bad.
func (s *scanner) fault(path string, offset, bad int, syntax bool, err error) *FileError {
	before := s.data[:min(bad, len(s.data))]
	line := strings.Count(before, "\n") + 1
	column := len(before) - strings.LastIndexByte(before, '\n')
	return &FileError{Path: path, Offset: offset, Line: line, Column: column, Syntax: syntax, Err: err}
}
