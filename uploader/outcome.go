package uploader

import (
	"fmt"
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
	// Replaced: stored, then replaced by a later file of the same job with the same asset
	// ID (docs/protocol.md §Asset names): what Scene7 keeps is the other file.
	Replaced
)

var outcomeNames = [...]string{NoWord: "no word", Processed: "processed", Warnings: "warnings", Failed: "failed", Replaced: "replaced"}

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
	Rel     string // the file's relative path, or for Item -1 the path the log gives it
	AssetID string
	Outcome Outcome
	LogType string // the log type that decided the outcome
	Message string // Scene7's own words (localised by the server), "" when it said nothing
	// ReplacedBy is, for Replaced, the Rel of the later file of the same job whose asset
	// took the place of this one's.
	ReplacedBy string
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
	Files, Ready, Warnings, Failed, NoWord, Replaced int
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
		Warnings: CountOutcomes(files, Warnings), Failed: CountOutcomes(files, Failed), NoWord: CountOutcomes(files, NoWord),
		Replaced: CountOutcomes(files, Replaced)}
}
