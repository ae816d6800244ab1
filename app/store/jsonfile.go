package store

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
	switch {
	case errors.As(err, &syn) && syn.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))):
		line, col = position(data, syn.Offset-1)
		return line, col, "the file ends too early (it is empty or cut short)"
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "after top-level value"):
		line, col = position(data, syn.Offset-1)
		return line, col, "there is more text after the end of the settings"
	case errors.As(err, &syn):
		line, col = position(data, syn.Offset-1) // Offset is just past the bad character
		return line, col, "the JSON is malformed (" + strings.TrimPrefix(syn.Error(), "json: ") + ")"
	case errors.As(err, &typ):
		line, col = position(data, typ.Offset-1) // Offset is just past the value
		field := typ.Field
		if field == "" {
			field = "the document"
		}
		return line, col, fmt.Sprintf("%s must be %s, not %s", field, kindWords(typ.Type.Kind().String()), valueWords(typ.Value))
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

// valueWords names the kind of JSON value the decoder found ("string", "number -5"...).
func valueWords(v string) string {
	switch kind, _, _ := strings.Cut(v, " "); kind {
	case "string":
		return "text"
	case "bool":
		return "true or false"
	case "number":
		return "a number"
	case "array":
		return "a list"
	case "object":
		return "a group of settings"
	}
	return v
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

// decodeStrict decodes one JSON value, refusing unknown fields: a typo must not silently
// drop a setting. (Callers check the syntax with json.Unmarshal first, which also refuses
// text after the value.)
func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// where is " at line L, column C", or "" when the position is unknown.
func where(line, col int) string {
	if line <= 0 {
		return ""
	}
	return fmt.Sprintf(" at line %d, column %d", line, col)
}
