package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/uploader"
)

func TestReadyRowOffersCopyLinkAndOpen(t *testing.T) {
	test.NewTempApp(t)
	const base = "https://s7d9.scene7.com/is/image/Acme/"
	var copied, opened string
	linkBase := base
	d := newRowDetails(func() {}, func(s string) { copied = s },
		func(r session.Row) (string, error) { return uploader.PublishLink(linkBase, r.AssetID) },
		func(s string) { opened = s })
	row := session.Row{Rel: "c/hero 1.jpg", State: session.Done, Outcome: session.Ready, AssetID: "hero 1"}
	d.show(row, true)
	if !d.linkBtns.Visible() {
		t.Fatal("no link buttons on a ready row")
	}
	test.Tap(d.linkBtns.Objects[0].(*widget.Button))
	test.Tap(d.linkBtns.Objects[1].(*widget.Button))
	if copied != base+"hero%201" || opened != copied {
		t.Errorf("copied %q, opened %q", copied, opened)
	}
	if !strings.Contains(d.facts.Text, "asset ID hero 1") || detailText(row) != "Ready in Scene7" {
		t.Errorf("facts %q, detail %q", d.facts.Text, detailText(row))
	}

	// Without a published base: no buttons, and where to find it.
	linkBase = ""
	d.show(row, true)
	if d.linkBtns.Visible() || !strings.Contains(d.reason.Text, "Setup › Application Setup › Publish Setup › Image Server") {
		t.Errorf("without a base: buttons %v, %q", d.linkBtns.Visible(), d.reason.Text)
	}

	// A file Scene7 could not process: its words and what to do, no link.
	linkBase = base
	// The engine's sentence says to fix the file; the line under it, that Retry failed
	// does not send it (details.go).
	failed := session.Row{Rel: "c/p.psb", State: session.Done, Outcome: session.FailedInScene7, AssetID: "p",
		OutcomeText: "Scene7 could not process it: PSB files are not supported. Fix the file (or save it in a supported format) and upload it again."}
	d.show(failed, true)
	if d.linkBtns.Visible() || !strings.Contains(d.reason.Text, "PSB files are not supported.") || !strings.Contains(d.reason.Text, "add it to the list again") ||
		rowImportance(failed) != widget.DangerImportance {
		t.Errorf("failed in Scene7: %q", d.reason.Text)
	}
	processing := session.Row{Rel: "c/a.jpg", State: session.Done, Outcome: session.Processing}
	if !strings.Contains(detailText(processing), "Scene7 is processing it") {
		t.Errorf("processing: %q", detailText(processing))
	}
}

func TestSummaryCountsWhatIsReady(t *testing.T) {
	tot := session.Totals{Rows: 3}
	tot.Counts[session.Done] = 3
	tot.Outcomes[session.Processing] = 1
	tot.Outcomes[session.FailedInScene7] = 1
	if s := summaryText(tot); !strings.HasPrefix(s, "1 of 3 files done") || !strings.Contains(s, "1 processing in Scene7") || !strings.Contains(s, "1 failed in Scene7") {
		t.Errorf("summary %q", s)
	}
}
