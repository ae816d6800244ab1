package uploader

import (
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Which line of a job's log is about which file (docs/protocol.md §Following a job,
// §Asset names). assetName alone cannot tell apart two files of one job that share an
// asset ID (a/hero.png and b/hero.png are both "hero"), so a line that names several files
// is given to the one whose path its message names first; the path is not localised, even
// when the words around it are. A FileUpdated line that also names another file of the job
// says that file's asset was replaced by this one.

// MatchOutcomes reads the job's logs and gives each file (its relative path under
// destFolder, as uploaded) its outcome; assets the log names that no file matches are
// returned after the files, with Item -1. With no files (a job's log read on its own),
// each file the log speaks of gets a row, in the order the log first names it, named by
// the path its lines give (else by assetName). When several lines name one file, the
// worst decides; a fatal error of the job fails the files the log does not otherwise
// name; a file whose asset a later file of the job replaced is Replaced.
func MatchOutcomes(logs []JobLog, destFolder string, rels []string) []FileOutcome {
	discovered := len(rels) == 0
	if discovered {
		destFolder, rels = "", logFiles(logs)
	}
	m := newMatcher(destFolder, rels)
	out := make([]FileOutcome, len(rels))
	for i, rel := range rels {
		out[i] = FileOutcome{Item: i, Rel: rel, AssetID: AssetID(rel)}
	}
	heard := make([]bool, len(rels)) // a line about the outcome was given to the file
	var updates []lineUpdate
	others := map[string]int{}    // asset name → index in out
	fatal, fatalSeen := "", false // Scene7's words about a fatal error of the job, if any
	line := 0
	for _, l := range logs {
		// fatalError is an xsd:boolean (docs/protocol.md §getJobLogDetails): true or 1,
		// false or 0. Text that is neither is kept as Scene7's words, and counts as fatal.
		switch f := strings.TrimSpace(l.FatalError); f {
		case "", "false", "0":
		case "true", "1":
			fatal, fatalSeen = "", true
		default:
			fatal, fatalSeen = f, true
		}
		for _, d := range l.Details {
			if d.LogType == "FatalError" {
				fatal, fatalSeen = d.LogMessage, true
				continue
			}
			o, found := logOutcome(d.LogType)
			if !found || d.AssetName == "" {
				continue
			}
			line++
			k, named := m.lineFile(d, heard)
			if k < 0 {
				var seen bool
				if k, seen = others[d.AssetName]; !seen {
					k = len(out)
					others[d.AssetName] = k
					out = append(out, FileOutcome{Item: -1, Rel: d.AssetName, AssetID: AssetID(d.AssetName)})
				}
				out[k].add(o, d)
				continue
			}
			heard[k] = true
			if m.firstLine[k] == 0 {
				m.firstLine[k] = line
			}
			out[k].add(o, d)
			if d.LogType == "FileUpdated" {
				updates = append(updates, lineUpdate{file: k, line: line, named: named})
			}
		}
	}
	if fatalSeen {
		for i := range out {
			if out[i].Outcome == NoWord {
				out[i].Outcome, out[i].LogType, out[i].Message = Failed, "FatalError", fatal
			}
		}
	}
	m.replace(out, updates)
	if discovered {
		for i := range out {
			out[i].Item = -1
		}
	}
	return out
}

// lineUpdate is a FileUpdated line given to a file: named are the other files of the job its
// message names (the ones it replaced), nil when it names none.
type lineUpdate struct {
	file, line int
	named      []int
}

// replace marks the files whose asset a later file of the job took over. The line of
// the later file says so when its message names them (unless their own later line names
// it back); when it names no file of the group, the files of the same asset ID that
// were processed by an earlier line are the ones replaced (one asset per ID in a
// company, docs/protocol.md §Asset names). A file that failed keeps its failure: that
// is what to act on.
func (m *matcher) replace(out []FileOutcome, updates []lineUpdate) {
	// A line that names a file whose own later line names it back spoke of that file's
	// version from before the job (an upload of the same folder again): the later line
	// has the last word.
	namedBy := map[[2]int]int{} // {file updated, file named} → the line's number
	for _, u := range updates {
		for _, k := range u.named {
			namedBy[[2]int{u.file, k}] = u.line
		}
	}
	for _, u := range updates {
		var victims []int
		for _, k := range u.named {
			if namedBy[[2]int{k, u.file}] <= u.line {
				victims = append(victims, k)
			}
		}
		if u.named == nil {
			for _, k := range m.byID[m.ids[u.file]] {
				if k != u.file && m.firstLine[k] > 0 && m.firstLine[k] < u.line {
					victims = append(victims, k)
				}
			}
		}
		for _, k := range victims {
			switch out[k].Outcome {
			case Processed, Warnings, NoWord:
				out[k].Outcome, out[k].ReplacedBy = Replaced, out[u.file].Rel
			}
		}
	}
}

// add folds one log line into the outcome: a worse outcome replaces the message, an equal
// one adds its words.
func (f *FileOutcome) add(o Outcome, d LogDetail) {
	msg := strings.TrimSpace(d.LogMessage)
	switch {
	case o > f.Outcome:
		f.Outcome, f.LogType, f.Message = o, d.LogType, msg
	case o == f.Outcome && msg != "" && !strings.Contains(f.Message, msg):
		f.Message = strings.TrimSpace(f.Message + " " + msg)
	}
}

// matcher finds the files a log's line is about. What the service puts in assetName is
// not documented (docs/protocol.md §Following a job), so it is tried, in order, as the
// file's path under the destination folder (also behind a leading company or root
// folder), its relative path, its file name and its asset ID. When that leaves several
// files, the message's mention of their stored paths decides.
type matcher struct {
	byPath, byRel, byName, byID map[string][]int
	stored                      []string // each file's path as Scene7 stores it
	ids                         []string
	firstLine                   []int // the number of the first outcome line given to each file, 0 for none
}

func newMatcher(destFolder string, rels []string) *matcher {
	m := &matcher{byPath: map[string][]int{}, byRel: map[string][]int{}, byName: map[string][]int{}, byID: map[string][]int{},
		stored: make([]string, len(rels)), ids: make([]string, len(rels)), firstLine: make([]int, len(rels))}
	dest := strings.Trim(destFolder, "/")
	for i, rel := range rels {
		full := rel
		if dest != "" {
			full = dest + "/" + rel
		}
		m.byPath[full] = append(m.byPath[full], i)
		m.byRel[rel] = append(m.byRel[rel], i)
		m.byName[path.Base(rel)] = append(m.byName[path.Base(rel)], i)
		m.ids[i] = AssetID(rel)
		m.byID[m.ids[i]] = append(m.byID[m.ids[i]], i)
		m.stored[i] = storedPath(full)
	}
	return m
}

// storedPath is a file's path with the characters Scene7 removes taken out of its name
// (docs/protocol.md §Asset names), as the log's messages give it.
func storedPath(full string) string {
	full = NFC(full)
	dir, name := path.Split(full)
	return dir + strings.Map(func(r rune) rune {
		if strings.ContainsRune(removedChars, r) {
			return -1
		}
		return r
	}, name)
}

// lineFile is the file a line is about, -1 when none matches, and the other files of
// its asset ID its message names (nil when it names none). heard tells which files
// already have a line: of several files the line cannot tell apart by their paths, it
// goes to the first without one (the log's order), else to the last.
func (m *matcher) lineFile(d LogDetail, heard []bool) (int, []int) {
	hits := m.find(d.AssetName)
	if len(hits) == 0 {
		return -1, nil
	}
	if len(hits) > 1 {
		if named := m.named(d.LogMessage, hits); len(named) > 0 {
			return named[0], m.others(d.LogMessage, named[0])
		}
		k := hits[len(hits)-1]
		for _, h := range hits {
			if !heard[h] {
				k = h
				break
			}
		}
		return k, m.others(d.LogMessage, k)
	}
	return hits[0], m.others(d.LogMessage, hits[0])
}

// others are the files sharing k's asset ID, other than k, that msg names; nil when msg
// names none of the group (k included).
func (m *matcher) others(msg string, k int) []int {
	group := m.byID[m.ids[k]]
	if len(group) < 2 {
		return nil
	}
	named := m.named(msg, group)
	if len(named) == 0 {
		return nil
	}
	out := []int{}
	for _, n := range named {
		if n != k {
			out = append(out, n)
		}
	}
	return out
}

// named are the files of cands whose stored path msg names, in the order msg names them;
// a path named only as the tail of a longer one (w/hero.png inside x/w/hero.png) does not
// count.
func (m *matcher) named(msg string, cands []int) []int {
	type span struct{ file, start, end int }
	var spans []span
	for _, c := range cands {
		if s, e := pathIn(msg, m.stored[c]); s >= 0 {
			spans = append(spans, span{c, s, e})
		}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return a.start - b.start })
	var out []int
	for i, s := range spans {
		inside := false
		for j, o := range spans {
			if j != i && o.start <= s.start && s.end <= o.end && o.end-o.start > s.end-s.start {
				inside = true
			}
		}
		if !inside {
			out = append(out, s.file)
		}
	}
	return out
}

// pathIn is where msg first names p as a whole path (not part of a longer name; a
// leading folder such as the company's root may come before it), or -1.
func pathIn(msg, p string) (start, end int) {
	for from := 0; p != "" && from < len(msg); {
		i := strings.Index(msg[from:], p)
		if i < 0 {
			break
		}
		s, e := from+i, from+i+len(p)
		if pathStarts(msg, s) && pathEnds(msg, e) {
			return s, e
		}
		from = s + 1
	}
	return -1, -1
}

// pathStarts: a path may begin at s of msg (behind a folder separator or outside a name).
func pathStarts(msg string, s int) bool {
	if s == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(msg[:s])
	return r == '/' || !nameRune(r)
}

// pathEnds: a path may end at e of msg (not followed by more of a name; a full stop that
// ends the sentence is fine).
func pathEnds(msg string, e int) bool {
	if e == len(msg) {
		return true
	}
	r, n := utf8.DecodeRuneInString(msg[e:])
	if r == '.' {
		next, _ := utf8.DecodeRuneInString(msg[e+n:])
		return e+n == len(msg) || !nameRune(next)
	}
	return r != '/' && !nameRune(r)
}

func nameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.'
}

func (m *matcher) find(asset string) []int {
	a := strings.Trim(asset, "/")
	for s := a; ; {
		if hits := m.byPath[s]; hits != nil {
			return hits
		}
		if hits := m.byRel[s]; hits != nil {
			return hits
		}
		k := strings.IndexByte(s, '/')
		if k < 0 {
			break
		}
		s = s[k+1:]
	}
	if hits := m.byName[path.Base(a)]; hits != nil {
		return hits
	}
	if hits := m.byID[a]; hits != nil {
		return hits
	}
	return m.byID[AssetID(a)]
}

// logFiles are the files a job's log speaks of, for a log read without the list of its
// files: one per path its outcome lines give first in their message (a file of the
// line's asset ID), else one per assetName, in the order of the log.
func logFiles(logs []JobLog) []string {
	var files []string
	seen := map[string]bool{}
	for _, l := range logs {
		for _, d := range l.Details {
			if _, found := logOutcome(d.LogType); !found || d.AssetName == "" {
				continue
			}
			f := d.AssetName
			if p := messagePath(d.LogMessage, d.AssetName); p != "" {
				f = p
			}
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
		}
	}
	return files
}

// messagePath is the first path msg names whose file has the asset ID of assetName
// (its name is the ID and an extension, or the ID behind a folder), "" when there is
// none. A path runs back from the name to the space or quote before it.
//
// Scene7 keeps a name in the Unicode form it was sent in, and another client (a Mac's
// file names, decomposed) may have sent it in NFD, while AssetID gives NFC: the ID is
// looked for first as the log writes it, so that the path keeps the log's own form, then
// in NFC, so that a log that mixes the two still names the file by its path.
func messagePath(msg, assetName string) string {
	if strings.Contains(strings.Trim(assetName, "/"), "/") {
		return "" // the asset name is a path already
	}
	if p := idPath(msg, logAssetID(assetName)); p != "" {
		return p
	}
	if nfc := NFC(msg); nfc != msg || AssetID(assetName) != logAssetID(assetName) {
		return idPath(nfc, AssetID(assetName))
	}
	return ""
}

// logAssetID is AssetID without the NFC: the asset ID in the form the log writes it.
func logAssetID(assetName string) string {
	stem, _ := splitExt(path.Base(assetName))
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(removedChars, r) {
			return -1
		}
		return r
	}, stem)
}

// idPath is the first path msg names whose file has the asset ID id (messagePath).
func idPath(msg, id string) string {
	for from := 0; id != "" && from < len(msg); {
		i := strings.Index(msg[from:], id)
		if i < 0 {
			break
		}
		s, e := from+i, from+i+len(id)
		from = s + 1
		if !pathStarts(msg, s) {
			continue
		}
		end := e
		if end < len(msg) && msg[end] == '.' {
			j := end + 1
			for j < len(msg) && j-end <= 10 && (unicode.IsLetter(rune(msg[j])) || unicode.IsDigit(rune(msg[j]))) && msg[j] < utf8.RuneSelf {
				j++
			}
			if j > end+1 {
				end = j
			}
		}
		inFolder := s > 0 && msg[s-1] == '/'
		if end == e && !inFolder || !pathEnds(msg, end) {
			continue // a word, not a file's path
		}
		start := s
		for start > 0 {
			r, n := utf8.DecodeLastRuneInString(msg[:start])
			if unicode.IsSpace(r) || strings.ContainsRune("\"'«“「(<[", r) {
				break
			}
			start -= n
		}
		return msg[start:end]
	}
	return ""
}
