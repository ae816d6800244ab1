package uploader

import (
	"errors"
	"net"
	"strings"
	"syscall"
)

// Offline reports whether err says that this computer cannot reach the network at all, or
// not past a proxy, rather than that the server is wrong: no route to any network, a name
// server that could not be asked, or the name of a Scene7 server (which certainly exists)
// that could not be looked up. Only a name that the name server answered "no such host"
// for, on a computer with a working network interface, means the server does not exist.
func Offline(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound || AdobeHost(dnsErr.Name) || !hasNetwork()
	}
	return errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) ||
		errors.Is(err, syscall.ENETDOWN)
}

// AdobeHost reports a host name of Adobe's Scene7 servers (the hosts of endpoints.go).
func AdobeHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return strings.HasSuffix(host, ".scene7.com") || strings.HasSuffix(host, ".adobe.com")
}

// hasNetwork reports whether some network interface other than loopback is up and has an
// address. It reads the interfaces only; nothing is sent.
func hasNetwork() bool {
	ifs, err := net.Interfaces()
	if err != nil {
		return true // cannot tell: do not claim the computer is offline
	}
	for _, i := range ifs {
		if i.Flags&net.FlagUp == 0 || i.Flags&net.FlagLoopback != 0 {
			continue
		}
		if addrs, err := i.Addrs(); err == nil && len(addrs) > 0 {
			return true
		}
	}
	return false
}

// networkDown reports a request that could not reach the server because the network is
// down or changing under it, which passes by itself when the network comes back (waking
// from sleep, another Wi-Fi): Offline, a connection that could not be opened (refused,
// timed out, no route) or was reset, a name server that could not be asked. A stall is
// not one: the server was reached and went silent (DefaultStalls bounds it). The retry
// policy keeps such requests going for RetryPolicy.Offline.
func networkDown(err error) bool {
	var ce *ConnError
	if !errors.As(err, &ce) || ce.Stalled > 0 || BadCertificate(err) {
		return false
	}
	if _, notFound := dnsError(err); notFound {
		return Offline(err) // a name that does not exist stays so, unless the network is down
	}
	if errors.As(err, new(*ProxyChainError)) {
		// No proxy of the list, nor the server, could be connected to; unless only
		// because the proxies' names do not exist, which stays so.
		return !proxyNamesUnknown(err)
	}
	var opErr *net.OpError
	return Offline(err) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		(errors.As(err, &opErr) && opErr.Op == "dial")
}
