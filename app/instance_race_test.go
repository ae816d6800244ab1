package app

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"hoist/internal/words"
)

// Several launches at the very same moment (goroutines released together, as a user
// double-clicking three files at once): exactly one becomes the window, every other hands
// its paths to it, and the window gets them all, even those that came before it was ready.
// Repeated, on the same folder, so that each round also starts after a closed window.
func TestLaunchesAtTheSameMomentOpenOneWindow(t *testing.T) {
	dir := t.TempDir()
	const launches = 6
	for round := range 20 {
		start := make(chan struct{})
		type result struct {
			l      *launchListener
			handed bool
			err    error
		}
		results := make([]result, launches)
		var wg sync.WaitGroup
		for i := range launches {
			wg.Go(func() {
				<-start
				l, handed, err := oneInstance(dir, []string{strconv.Itoa(i)})
				results[i] = result{l, handed, err}
			})
		}
		close(start)
		wg.Wait()

		winner := -1
		for i, r := range results {
			switch {
			case r.err != nil:
				t.Fatalf("round %d, launch %d: %v", round, i, r.err)
			case r.l != nil && winner >= 0:
				t.Fatalf("round %d: launches %d and %d both opened a window", round, winner, i)
			case r.l != nil:
				winner = i
			case !r.handed:
				t.Fatalf("round %d, launch %d neither opened a window nor handed over", round, i)
			}
		}
		if winner < 0 {
			t.Fatalf("round %d: no launch opened a window", round)
		}
		var mu sync.Mutex
		var got []string
		results[winner].l.deliverTo(func(p []string) { mu.Lock(); got = append(got, p...); mu.Unlock() })
		var want []string
		for i := range launches {
			if i != winner {
				want = append(want, strconv.Itoa(i))
			}
		}
		mu.Lock()
		slices.Sort(got)
		mu.Unlock()
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: the window got %v, want %v", round, got, want)
		}
		if round == 0 { // while a window holds the folder, another cannot, and is told why
			_, err := listenForLaunches(dir)
			if !errors.Is(err, errRunning) || words.Error(err) != "A Hoist window is already open for these settings." {
				t.Errorf("a second listener: %v", err)
			}
		}
		if err := results[winner].l.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// The same with real processes: each is the test binary playing a launch of Hoist (see
// TestHelperLaunchAtOnce), all started, then released at one instant.
const (
	atOnceDirEnv  = "HOIST_TEST_AT_ONCE_DIR"
	atOnceGoEnv   = "HOIST_TEST_AT_ONCE_GO"   // a file: each launch writes FILE.ready.N, then waits for FILE
	atOnceWantEnv = "HOIST_TEST_AT_ONCE_WANT" // how many launches hand over to the window
)

// TestHelperLaunchAtOnce is not a test: run as a child process, it is a launch of Hoist
// with its first argument as path. It prints "window P1,P2,…" (the paths the others handed
// it) when it became the window, "handed" when it handed its path over.
func TestHelperLaunchAtOnce(t *testing.T) {
	dir := os.Getenv(atOnceDirEnv)
	if dir == "" {
		t.Skip("run as a child process by TestProcessesLaunchedAtOnceOpenOneWindow")
	}
	want, _ := strconv.Atoi(os.Getenv(atOnceWantEnv))
	path := os.Args[len(os.Args)-1]
	start := os.Getenv(atOnceGoEnv)
	if err := os.WriteFile(start+".ready."+path, nil, 0o600); err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	for _, err := os.Stat(start); err != nil; _, err = os.Stat(start) {
		time.Sleep(time.Millisecond)
	}
	l, handed, err := oneInstance(dir, []string{path})
	switch {
	case err != nil:
		fmt.Println("error", err)
		os.Exit(3)
	case handed:
		fmt.Println("handed")
		os.Exit(0)
	}
	got := make(chan string, want)
	l.deliverTo(func(p []string) {
		for _, s := range p {
			got <- s
		}
	})
	var paths []string
	for len(paths) < want {
		select {
		case s := <-got:
			paths = append(paths, s)
		case <-time.After(10 * time.Second):
			fmt.Println("window, still waiting after", paths)
			os.Exit(4)
		}
	}
	slices.Sort(paths)
	l.Close()
	fmt.Println("window", strings.Join(paths, ","))
	os.Exit(0)
}

func TestProcessesLaunchedAtOnceOpenOneWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("starts several processes")
	}
	dir := t.TempDir()
	const launches = 3
	for round := range 3 {
		start := filepath.Join(t.TempDir(), "go")
		outs := make([]bytes.Buffer, launches)
		cmds := make([]*exec.Cmd, launches)
		for i := range launches {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperLaunchAtOnce$", "--", "p"+strconv.Itoa(i))
			cmd.Env = append(os.Environ(), atOnceDirEnv+"="+dir, atOnceGoEnv+"="+start,
				atOnceWantEnv+"="+strconv.Itoa(launches-1))
			cmd.Stdout = &outs[i]
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// A launch a failed round leaves running is ended before dir is removed.
			t.Cleanup(func() {
				if cmd.ProcessState == nil {
					_ = cmd.Process.Kill()
					_ = cmd.Wait()
				}
			})
			cmds[i] = cmd
		}
		// Released together once every launch is up and waiting.
		for i := range launches {
			for _, err := os.Stat(start + ".ready.p" + strconv.Itoa(i)); err != nil; _, err = os.Stat(start + ".ready.p" + strconv.Itoa(i)) {
				time.Sleep(time.Millisecond)
			}
		}
		if err := os.WriteFile(start, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		windows, handed := 0, 0
		var got, want string
		for i, cmd := range cmds {
			err := cmd.Wait()
			line, _ := bufio.NewReader(&outs[i]).ReadString('\n')
			line = strings.TrimSpace(line)
			if err != nil {
				t.Fatalf("round %d, launch %d: %v: %s", round, i, err, line)
			}

			switch {
			case line == "handed":
				handed++
			case strings.HasPrefix(line, "window "):
				windows++
				got = strings.TrimPrefix(line, "window ")
				var others []string
				for j := range launches {
					if j != i {
						others = append(others, "p"+strconv.Itoa(j))
					}
				}
				want = strings.Join(others, ",")
			default:
				t.Fatalf("round %d, launch %d said %q", round, i, line)
			}
		}
		if windows != 1 || handed != launches-1 {
			t.Fatalf("round %d: %d windows, %d handed over", round, windows, handed)
		}
		if got != want {
			t.Fatalf("round %d: the window got %s, want %s", round, got, want)
		}
	}
}
