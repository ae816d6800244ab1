package words

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// The scan refuses a message file iff go-i18n does (encoding/json, at its offset, then
// go-i18n's reading of the values), and reads what encoding/json reads. The seeds are the
// real files and random mutations of them (a fixed seed, so a plain go test runs the same
// ones every time); go test -fuzz FuzzCatalogScan mutates them further.
func FuzzCatalogScan(f *testing.F) {
	files, err := MessageFiles()
	if err != nil {
		f.Fatal(err)
	}
	r := rand.New(rand.NewPCG(16, 12))
	for _, file := range files {
		data := readMessages(file)
		f.Add(data)
		for range 12 {
			f.Add(mutate(r, data))
		}
	}
	f.Fuzz(func(t *testing.T, data string) { checkScan(t, data) })
}

// tokens are what a mutation puts in a file: escapes, values of every JSON type, plural
// objects, broken UTF-8, JSON's punctuation.
var tokens = []string{
	`\u00e9`, `\ud83d`, `\ude00`, `\ud83d\ude00`, `\x`, `\'`, `\`, `\u12`, `"`, ",", ":", "{", "}", "[", "]",
	"1", "-0.5e+3", "01", "1.", "true", "fals", "null", `[]`, `{}`, `["x"]`, " ", "\t", "\n", "\x00", "\x1f",
	"\xff", "\xe6\x97", "é", `{"one":1}`, `{"one":"x","other":"y"}`, `{"other":"x","many":null}`,
	`{"description":"d","other":"x"}`, `{"one":"x","Other":"y"}`, `"other":"x",`, `"a":"b",`, `"one":`,
}

// mutate changes data in one to three places.
func mutate(r *rand.Rand, data string) string {
	b := []byte(data)
	for range 1 + r.IntN(3) {
		i := r.IntN(len(b) + 1)
		tok := []byte(tokens[r.IntN(len(tokens))])
		switch r.IntN(8) {
		case 0: // delete a byte
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		case 1: // insert a token
			b = append(b[:i], append(tok, b[i:]...)...)
		case 2: // replace a byte
			if i < len(b) {
				b = append(b[:i], append(tok, b[i+1:]...)...)
			}
		case 3: // truncate
			b = b[:i]
		case 4: // a line twice: a duplicate key
			start := bytes.LastIndexByte(b[:i], '\n') + 1
			end := start + bytes.IndexByte(b[start:], '\n') + 1
			if end > start {
				to := r.IntN(len(b) + 1)
				to = bytes.LastIndexByte(b[:to], '\n') + 1
				line := bytes.Clone(b[start:end])
				b = append(b[:to], append(line, b[to:]...)...)
			}
		case 5: // a message's text replaced by a token
			j := bytes.Index(b[i:], []byte(`": "`))
			if j < 0 {
				break
			}
			v := i + j + 3
			end := stringEnd(b, v)
			if end > v {
				b = append(b[:v], append(tok, b[end:]...)...)
			}
		case 6: // delete a line
			start := bytes.LastIndexByte(b[:i], '\n') + 1
			if end := bytes.IndexByte(b[start:], '\n'); end >= 0 {
				b = append(b[:start], b[start+end+1:]...)
			}
		case 7: // swap two bytes
			if j := r.IntN(len(b) + 1); i < len(b) && j < len(b) {
				b[i], b[j] = b[j], b[i]
			}
		}
	}
	return string(b)
}

// stringEnd is the index just after the JSON string starting at b[v], or -1.
func stringEnd(b []byte, v int) int {
	if v >= len(b) || b[v] != '"' {
		return -1
	}
	for k := v + 1; k < len(b); k++ {
		switch b[k] {
		case '\\':
			k++
		case '"':
			return k + 1
		}
	}
	return -1
}
