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

	"hoist/internal/words"
)

// One Hoist window per user: the first launch listens on a loopback port and writes the
// port, with a random token, in instanceFile in the user's config folder, readable by the
// user alone. A later launch reads it, hands its paths (command line, "Open with Hoist")
// to the running window and exits. Another user of the computer can reach the port but
// cannot read the token, so the window accepts nothing from them.
const instanceFile = "instance.json"

// handOffTimeout bounds a later launch's talk with the running window: a window that does
// not answer in time is taken for gone, and the launch opens its own.
const handOffTimeout = 5 * time.Second

// maxHandOff bounds what the running window reads from one launch (thousands of paths fit).
const maxHandOff = 4 << 20

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

// launchListener is the running window's side: it takes the paths of later launches.
type launchListener struct {
	ln      net.Listener
	token   string
	file    string
	onPaths func([]string)
	wg      sync.WaitGroup
}

// listenForLaunches makes this window the one later launches hand their paths to;
// onPaths is called with them (from another goroutine) before the launch is told "ok".
func listenForLaunches(dir string, onPaths func([]string)) (*launchListener, error) {
	var b [32]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, words.Fail("app.launches.not_listening", words.A{"Reason": err}, err)
	}
	l := &launchListener{ln: ln, token: hex.EncodeToString(b[:]), file: filepath.Join(dir, instanceFile), onPaths: onPaths}
	data, _ := json.Marshal(instanceInfo{Addr: ln.Addr().String(), Token: l.token})
	if err := writePrivate(l.file, data); err != nil {
		ln.Close()
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
	l.onPaths(m.Paths)
	_, _ = io.WriteString(conn, "ok\n")
}

// Close stops listening and removes the file, unless a later window has written its own.
func (l *launchListener) Close() error {
	err := l.ln.Close()
	l.wg.Wait()
	if data, rerr := os.ReadFile(l.file); rerr == nil && strings.Contains(string(data), l.token) {
		if rmErr := os.Remove(l.file); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
			err = errors.Join(err, rmErr)
		}
	}
	return err
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
