package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxSettingsFile bounds what Hoist reads of a settings file (profiles, preset, saved
// job): far above any real one, it keeps a wrong file from filling memory.
const maxSettingsFile = 64 << 20

// readSmallFile reads a settings file, refusing one larger than maxSettingsFile.
func readSmallFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSettingsFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSettingsFile {
		return nil, fmt.Errorf("%s is too large to be a Hoist settings file", path)
	}
	return data, nil
}

// jsonProblem describes a decoding error in people's words, with the line and column of
// the problem when the decoder knows its offset (line and column are 0 when it does not).
func jsonProblem(data []byte, err error) (line, col int, msg string) {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var trail *trailingDataError
	switch {
	case errors.As(err, &trail):
		line, col = position(data, trail.Offset)
		return line, col, trail.Error()
	case errors.As(err, &syn):
		line, col = position(data, syn.Offset-1) // Offset is just past the bad character
		return line, col, "the JSON is malformed (" + strings.TrimPrefix(syn.Error(), "json: ") + ")"
	case errors.As(err, &typ):
		line, col = position(data, typ.Offset-1) // Offset is just past the value
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return line, col, fmt.Sprintf("%s must be %s, not %s", field, kindWords(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col = position(data, int64(len(data)))
		return line, col, "the file ends too early (it is empty or cut short)"
	}
	msg = strings.TrimPrefix(err.Error(), "json: ")
	if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
		msg = "unknown setting " + f
	}
	return 0, 0, msg
}

// position turns a byte offset into a 1-based line and column (in characters).
func position(data []byte, offset int64) (line, col int) {
	offset = max(offset, 0)
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	col = len([]rune(string(before[lineStart:]))) + 1
	return line, col
}

func kindWords(kind string) string {
	switch kind {
	case "bool":
		return "true or false"
	case "string":
		return "text in quotes"
	case "int", "int64", "float64":
		return "a number"
	case "slice":
		return "a list"
	case "struct", "map", "ptr":
		return "a group of settings in { }"
	}
	return "a " + kind
}

// decodeStrict decodes one JSON value, refusing unknown fields (a typo must not silently
// drop a setting) and anything after the value.
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	off := dec.InputOffset()
	if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 {
		return &trailingDataError{Offset: int64(len(data) - len(rest))}
	}
	return nil
}

// trailingDataError is text after the one JSON value of a file (two files pasted together).
type trailingDataError struct{ Offset int64 }

func (e *trailingDataError) Error() string { return "unexpected text after the end of the settings" }

// where is " at line L, column C", or "" when the position is unknown.
func where(line, col int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf(" at line %d, column %d", line, col)
}
