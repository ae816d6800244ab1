package uploader

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// WriteOutcomesCSV writes the outcomes as CSV for spreadsheets: file, asset ID, outcome,
// message (Scene7's words) and link (empty without a published base, or for a file that
// is not ready).
func WriteOutcomesCSV(w io.Writer, outs []FileOutcome, publishBase string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"file", "asset ID", "outcome", "message", "link"}); err != nil {
		return fmt.Errorf("write outcomes: %w", err)
	}
	for _, o := range outs {
		link := ""
		if o.Outcome == Processed || o.Outcome == Warnings {
			link, _ = PublishLink(publishBase, o.AssetID)
		}
		if err := cw.Write([]string{csvCell(o.Rel), csvCell(o.AssetID), o.Outcome.String(), csvCell(o.Message), link}); err != nil {
			return fmt.Errorf("write outcomes: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write outcomes: %w", err)
	}
	return nil
}

// csvCell keeps a spreadsheet from reading a file name such as "=SUM(A1)" as a formula.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
