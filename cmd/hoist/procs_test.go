package main

import (
	"runtime"
	"testing"
)

func TestOneProcessorRestoresAfterTheLastUpload(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	if before == 1 {
		t.Skip("the machine has one processor: nothing to see")
	}
	none := func(string) string { return "" }
	a := oneProcessor(none)
	b := oneProcessor(none)
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("during two uploads GOMAXPROCS is %d, want 1", got)
	}
	a()
	a() // a second call changes nothing
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Fatalf("with one upload still running GOMAXPROCS is %d, want 1", got)
	}
	b()
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Fatalf("after both uploads GOMAXPROCS is %d, want %d again", got, before)
	}
	set := oneProcessor(func(k string) string {
		if k == "GOMAXPROCS" {
			return "4"
		}
		return ""
	})
	if got := runtime.GOMAXPROCS(0); got != before {
		t.Errorf("with GOMAXPROCS set by the user an upload changed it to %d", got)
	}
	set()
}
