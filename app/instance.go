package app

import (
	"bufio"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"hoist/app/store"
	"hoist/internal/words"
)

// One Hoist window per user: the first launch takes an exclusive lock on lockFile in the
// user's config folder, listens on a loopback port and writes the port, with a random
// token, in instanceFile, readable by the user alone. A later launch cannot take the lock:
// it reads the file, hands its paths (command line, "Open with Hoist") to the running
// window and exits. Another user of the computer can reach the port but cannot read the
// token, so the window accepts nothing from them.
//
// The lock makes "am I the first?" and "I am the one" a single step: of two launches at
// the same moment exactly one gets it, and the other hands over to it. The operating
// system drops the lock when the process ends, however it ends, so a crashed window never
// blocks the next one. The lock file is never deleted: a launch that opened it just
// before the deletion could lock the old file while another locks a new one.
const (
	instanceFile = "instance.json"
	lockFile     = "instance.lock"
)

// handOffTimeout bounds a later launch's talk with the running window: a window that does
// not answer in time is taken for gone, and the launch opens its own.
const handOffTimeout = 5 * time.Second

// handOffRetry is how often a launch that found the lock taken tries again to hand over,
// while the window that holds the lock is still starting (it writes instanceFile just
// after taking the lock) or closing (it lets the lock go just after closing the port).
const handOffRetry = 20 * time.Millisecond

// maxHandOff bounds what the running window reads from one launch (thousands of paths fit).
const maxHandOff = 4 << 20

// errRunning is returned when another process holds the lock: a Hoist window runs (or is
// starting) for that config folder.
var errRunning = words.Sentinel("launch.running")

type instanceInfo struct {
	Addr  string `json:"addr"`
	Token string `json:"token"`
}

type handOffMessage struct {
	Token string   `json:"token"`
	Paths []string `json:"paths"`
}

// handOff gives paths to the window already running for the config folder dir. It reports
// whether that window took them; false when none runs (or it did not answer).
func handOff(dir string, paths []string) bool {
	data, err := os.ReadFile(filepath.Join(dir, instanceFile))
	if err != nil {
		return false
	}
	var info instanceInfo
	if json.Unmarshal(data, &info) != nil || info.Token == "" {
		return false
	}
	if host, _, err := net.SplitHostPort(info.Addr); err != nil || !net.ParseIP(host).IsLoopback() {
		return false // only ever this computer
	}
	conn, err := net.DialTimeout("tcp", info.Addr, handOffTimeout)
	if err != nil {
		return false // the window that wrote the file has gone
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(handOffTimeout))
	if err := json.NewEncoder(conn).Encode(handOffMessage{Token: info.Token, Paths: paths}); err != nil {
		return false
	}
	reply, err := bufio.NewReader(conn).ReadString('\n')
	return err == nil && reply == "ok\n"
}

// claimWindow is oneInstance for the user's settings folder (created if need be).
func claimWindow(paths []string) (*launchListener, bool, error) {
	dir, err := store.DefaultDir()
	if err == nil {
		err = os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		return nil, false, err
	}
	return oneInstance(dir, paths)
}

// oneInstance makes this process the Hoist window for the config folder dir, or hands
// paths to the window that is. It returns the listener when this process is the one, or
// handed true when the running window took the paths. When neither comes to pass within
// handOffTimeout (the lock's holder does not answer) or the folder cannot be locked at
// all, it returns neither, with the reason: this launch then opens a window of its own,
// which later launches will not find.
func oneInstance(dir string, paths []string) (l *launchListener, handed bool, err error) {
	deadline := time.Now().Add(handOffTimeout)
	for {
		l, err := listenForLaunches(dir)
		if err == nil || !errors.Is(err, errRunning) {
			return l, false, err
		}
		if handOff(dir, paths) {
			return nil, true, nil
		}
		if time.Now().After(deadline) {
			return nil, false, &words.Err{Say: words.Msg("launch.silent", nil), Of: errRunning}
		}
		time.Sleep(handOffRetry)
	}
}

// launchListener is the running window's side: it takes the paths of later launches.
type launchListener struct {
	lock  *os.File // held (locked) while this process is the one window
	ln    net.Listener
	token string
	file  string
	wg    sync.WaitGroup
	// inbox takes the paths of a launch; until the window is ready (deliverTo) they
	// wait, and the launch is told "ok" all the same.
	inbox
}

// listenForLaunches makes this process the one that later launches hand their paths to,
// or returns errRunning when another process is. Their paths go to deliverTo's function
// (from another goroutine), and wait until it is given.
func listenForLaunches(dir string) (*launchListener, error) {
	lock, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, words.Fail("launch.open_lock", words.A{"Path": filepath.Join(dir, lockFile), "Reason": err}, err)
	}
	if err := lockExclusive(lock); err != nil {
		lock.Close()
		return nil, err
	}
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		lock.Close()
		return nil, words.Fail("app.launches.not_listening", words.A{"Reason": err}, err)
	}
	l := &launchListener{lock: lock, ln: ln, token: hex.EncodeToString(b[:]), file: filepath.Join(dir, instanceFile)}
	data, _ := json.Marshal(instanceInfo{Addr: ln.Addr().String(), Token: l.token})
	if err := writePrivate(l.file, data); err != nil {
		ln.Close()
		lock.Close()
		return nil, words.Fail("app.launches.not_written", words.A{"Path": l.file, "Reason": err}, err)
	}
	l.wg.Add(1)
	go l.serve()
	return l, nil
}

// writePrivate replaces path with data, readable and writable by the user alone.
func writePrivate(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp") // mode 0600
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

func (l *launchListener) serve() {
	defer l.wg.Done()
	for {
		conn, err := l.ln.Accept()
		if err != nil {
			return // closed
		}
		l.take(conn) // one at a time: launches are rare and quick
	}
}

func (l *launchListener) take(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(handOffTimeout))
	var m handOffMessage
	if json.NewDecoder(io.LimitReader(conn, maxHandOff)).Decode(&m) != nil {
		return
	}
	if subtle.ConstantTimeCompare([]byte(m.Token), []byte(l.token)) != 1 {
		return
	}
	l.put(m.Paths)
	_, _ = io.WriteString(conn, "ok\n")
}

// Close stops listening, removes the file (unless a later window has written its own) and
// lets the lock go, in that order: a launch in between finds no window, retries, and
// becomes the next one.
func (l *launchListener) Close() error {
	err := l.ln.Close()
	l.wg.Wait()
	if data, rerr := os.ReadFile(l.file); rerr == nil && strings.Contains(string(data), l.token) {
		if rmErr := os.Remove(l.file); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
			err = errors.Join(err, rmErr)
		}
	}
	return errors.Join(err, l.lock.Close()) // closing the file drops the lock
}

// launchPaths are the files and folders given on the command line, made absolute so that
// a running window (with another working folder) finds them. macOS's old "-psn_" process
// argument is not a path.
func launchPaths(args []string) []string {
	var out []string
	for _, a := range args {
		if a == "" || strings.HasPrefix(a, "-psn_") {
			continue
		}
		if abs, err := filepath.Abs(a); err == nil {
			a = abs
		}
		out = append(out, a)
	}
	return out
}
