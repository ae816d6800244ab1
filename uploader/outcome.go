package uploader

import (
	"fmt"
	"path"
	"strings"
)

// What Scene7 made of each file, read from the job's log once processing is over
// (docs/protocol.md §Following a job).

// Outcome is what Scene7's processing made of a file, as its job's log says once the job
// is over. A queue row's outcome (app/session's Outcome) is another type because it also
// has the states before this verdict (not followed yet, still processing), which the
// engine never reports, and is stored under its own names in the saved queue.
type Outcome int

const (
	NoWord    Outcome = iota // no line of the job's log names the file
	Processed                // processed: the asset is ready
	Warnings                 // processed, with a warning (or kept as it was)
	Failed                   // Scene7 could not process it
)

var outcomeNames = [...]string{NoWord: "no word", Processed: "processed", Warnings: "warnings", Failed: "failed"}

func (o Outcome) String() string {
	if o >= 0 && int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "Outcome(?)"
}

// MarshalText names the outcome in JSON output.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads a name MarshalText wrote, so that outcomes can be stored.
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, n := range outcomeNames {
		if n == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return fmt.Errorf("unknown outcome %q", b)
}

// logOutcome is what a job log type says about the file it names; found is false for the
// types that say nothing about the outcome (FileBegin, job lines).
func logOutcome(logType string) (o Outcome, found bool) {
	switch logType {
	case "UploadSuccess", "FileUpdated":
		return Processed, true
	case "UploadWarning", "DuplicateSkipped":
		return Warnings, true
	case "UploadError", "FileCancel":
		return Failed, true
	}
	return NoWord, false
}

// FileOutcome is what became of one file.
type FileOutcome struct {
	Item    int    // index in the files matched, -1 for an asset of the log no file matched
	Rel     string // the file's relative path, or the log's asset name for Item -1
	AssetID string
	Outcome Outcome
	LogType string // the log type that decided the outcome
	Message string // Scene7's own words (localised by the server), "" when it said nothing
}

// MatchOutcomes reads the job's logs and gives each file (its relative path under
// destFolder, as uploaded) its outcome; assets the log names that no file matches are
// returned after the files, with Item -1. With no files, every asset of the log gets a
// row, in the order the log first names it. When several lines name one file, the worst
// decides; a fatal error of the job fails the files the log does not otherwise name.
func MatchOutcomes(logs []JobLog, destFolder string, rels []string) []FileOutcome {
	out := make([]FileOutcome, len(rels))
	m := newMatcher(destFolder, rels)
	for i, rel := range rels {
		out[i] = FileOutcome{Item: i, Rel: rel, AssetID: AssetID(rel)}
	}
	others := map[string]int{}    // asset name → index in out
	fatal, fatalSeen := "", false // Scene7's words about a fatal error of the job, if any
	for _, l := range logs {
		if f := strings.TrimSpace(l.FatalError); f != "" && !strings.EqualFold(f, "false") {
			fatal, fatalSeen = "", true
			if !strings.EqualFold(f, "true") {
				fatal = f
			}
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
			hits := m.find(d.AssetName)
			if len(hits) == 0 {
				k, seen := others[d.AssetName]
				if !seen {
					k = len(out)
					others[d.AssetName] = k
					out = append(out, FileOutcome{Item: -1, Rel: d.AssetName, AssetID: AssetID(d.AssetName)})
				}
				hits = []int{k}
			}
			for _, k := range hits {
				out[k].add(o, d)
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
	return out
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

// matcher finds the files a log's asset name means. What the service puts in assetName is
// not documented (docs/protocol.md §Following a job), so it is tried, in order, as the
// file's path under the destination folder (also behind a leading company or root
// folder), its relative path, its file name and its asset ID.
type matcher struct {
	byPath, byRel, byName, byID map[string][]int
}

func newMatcher(destFolder string, rels []string) *matcher {
	m := &matcher{byPath: map[string][]int{}, byRel: map[string][]int{}, byName: map[string][]int{}, byID: map[string][]int{}}
	dest := strings.Trim(destFolder, "/")
	for i, rel := range rels {
		full := rel
		if dest != "" {
			full = dest + "/" + rel
		}
		m.byPath[full] = append(m.byPath[full], i)
		m.byRel[rel] = append(m.byRel[rel], i)
		m.byName[path.Base(rel)] = append(m.byName[path.Base(rel)], i)
		m.byID[AssetID(rel)] = append(m.byID[AssetID(rel)], i)
	}
	return m
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

// CountOutcomes returns how many outcomes are o.
func CountOutcomes(outs []FileOutcome, o Outcome) int {
	n := 0
	for _, f := range outs {
		if f.Outcome == o {
			n++
		}
	}
	return n
}

// OutcomeTally counts a set of outcomes; Ready counts Processed and Warnings alike.
type OutcomeTally struct {
	Files, Ready, Warnings, Failed, NoWord int
}

// TallyOutcomes counts outs for a summary ("12 of 14 files ready in Scene7 (1 with
// warnings), 1 failed."). Assets no file matched count only when there are no files (a
// job's log read on its own).
func TallyOutcomes(outs []FileOutcome) OutcomeTally {
	var files []FileOutcome
	for _, f := range outs {
		if f.Item >= 0 {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		files = outs
	}
	return OutcomeTally{Files: len(files), Ready: CountOutcomes(files, Processed) + CountOutcomes(files, Warnings),
		Warnings: CountOutcomes(files, Warnings), Failed: CountOutcomes(files, Failed), NoWord: CountOutcomes(files, NoWord)}
}
