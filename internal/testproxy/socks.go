package testproxy

import (
	"encoding/binary"
	"io"
	"net"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
)

// SOCKS is a SOCKS5 proxy (RFC 1928) on loopback for tests: no login (method 0), the
// CONNECT command, IPv4, domain and IPv6 addresses. Like Proxy it reaches names only it
// knows (Alias) and counts its tunnels.
type SOCKS struct {
	// Addr is the proxy's address, 127.0.0.1:PORT.
	Addr string
	// Alias maps host:port names that exist only for the proxy to the loopback address
	// that serves them. Set it before the first connection.
	Alias map[string]string
	// Reply, when not 0, is the reply code every CONNECT gets instead of a tunnel
	// (RFC 1928 section 6: 5 is "connection refused"). Set it before the first connection.
	Reply byte
	// Connects counts the tunnels opened; Asked is the address the last CONNECT named,
	// as host:port.
	Connects atomic.Int32
	Asked    atomic.Value
}

// StartSOCKS runs a SOCKS5 proxy until the test ends.
func StartSOCKS(t testing.TB) *SOCKS {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	s := &SOCKS{Addr: l.Addr().String()}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go s.ServeConn(c)
		}
	}()
	return s
}

// ServeConn speaks SOCKS5 with the client on c, then joins it to the address it asked
// for, byte for byte, both ways, until either side hangs up. It closes c.
func (s *SOCKS) ServeConn(c net.Conn) {
	defer c.Close()
	var head [4]byte // VER NMETHODS, then VER CMD RSV ATYP
	if _, err := io.ReadFull(c, head[:2]); err != nil || head[0] != 5 {
		return
	}
	methods := make([]byte, head[1])
	if _, err := io.ReadFull(c, methods); err != nil {
		return
	}
	if !slices.Contains(methods, 0) {
		_, _ = c.Write([]byte{5, 0xff}) // no acceptable method
		return
	}
	if _, err := c.Write([]byte{5, 0}); err != nil {
		return
	}
	if _, err := io.ReadFull(c, head[:]); err != nil || head[0] != 5 {
		return
	}
	var host string
	switch head[3] {
	case 1, 4: // IPv4, IPv6
		ip := make(net.IP, map[byte]int{1: 4, 4: 16}[head[3]])
		if _, err := io.ReadFull(c, ip); err != nil {
			return
		}
		host = ip.String()
	case 3: // a domain name, its length first
		var n [1]byte
		if _, err := io.ReadFull(c, n[:]); err != nil {
			return
		}
		name := make([]byte, n[0])
		if _, err := io.ReadFull(c, name); err != nil {
			return
		}
		host = string(name)
	default:
		s.reply(c, 8) // address type not supported
		return
	}
	var port [2]byte
	if _, err := io.ReadFull(c, port[:]); err != nil {
		return
	}
	addr := net.JoinHostPort(host, strconv.Itoa(int(binary.BigEndian.Uint16(port[:]))))
	s.Asked.Store(addr)
	switch {
	case head[1] != 1:
		s.reply(c, 7) // command not supported
		return
	case s.Reply != 0:
		s.reply(c, s.Reply)
		return
	}
	if a, ok := s.Alias[addr]; ok {
		addr = a
	}
	up, err := net.Dial("tcp", addr)
	if err != nil {
		s.reply(c, 5)
		return
	}
	defer up.Close()
	s.Connects.Add(1)
	s.reply(c, 0)
	go func() {
		_, _ = io.Copy(up, c)
		up.(*net.TCPConn).CloseWrite()
	}()
	_, _ = io.Copy(c, up)
}

// reply answers a request with code and a bound address of 0.0.0.0:0.
func (s *SOCKS) reply(c net.Conn, code byte) {
	_, _ = c.Write([]byte{5, code, 0, 1, 0, 0, 0, 0, 0, 0})
}
