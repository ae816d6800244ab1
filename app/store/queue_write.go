package store

import (
	"bytes"
	"encoding/json"
	"io"
)

// errSameContent stops the write of a journal whose bytes are those written last: the
// temporary file is dropped and the queue file stays as it is. Nobody reads it.
var errSameContent error = sameContent{}

type sameContent struct{}

func (sameContent) Error() string { return "store: the journal has not changed" }

// encodeError is a journal that JSON could not encode (as opposed to a file that could
// not be written).
type encodeError struct{ error }

func (e encodeError) Unwrap() error { return e.error }

// writeJournal writes j exactly as json.Marshal(j) would, byte for byte (so the sum that
// skips unchanged journals is the same), but encodes the rows one at a time into one
// small reused buffer: the journal of 100,000 files is never one 13 MB []byte in memory.
func writeJournal(w io.Writer, j journal) error {
	rows := j.Rows
	if rows == nil { // "files":null, as Marshal writes it
		return writeWhole(w, j)
	}
	j.Rows = nil
	head, err := json.Marshal(j)
	if err != nil {
		return encodeError{err}
	}
	// The first "files":null is the journal's own key: the fields before it (format, id,
	// created) hold no object, and a string cannot hold an unescaped quote.
	key := []byte(`"files":`)
	at := bytes.Index(head, append(key, "null"...))
	if at < 0 { // a journal laid out otherwise: whole, as before
		j.Rows = rows
		return writeWhole(w, j)
	}
	at += len(key)
	if _, err := w.Write(head[:at]); err != nil {
		return err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // escapes HTML as Marshal does
	sep := []byte{'['}
	for i := range rows {
		buf.Reset()
		if err := enc.Encode(&rows[i]); err != nil {
			return encodeError{err}
		}
		if _, err := w.Write(sep); err != nil {
			return err
		}
		if _, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})); err != nil {
			return err
		}
		sep[0] = ','
	}
	if len(rows) == 0 {
		if _, err := w.Write(sep); err != nil {
			return err
		}
	}
	if _, err := w.Write([]byte{']'}); err != nil {
		return err
	}
	_, err = w.Write(head[at+len("null"):])
	return err
}

// writeWhole writes j as json.Marshal writes it, in one piece.
func writeWhole(w io.Writer, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return encodeError{err}
	}
	_, err = w.Write(data)
	return err
}
