package uploader

import (
	"context"
	"net/url"
	"os/exec"
	"time"

	"hoist/uploader/pac"
)

// thePACs are the PAC files the system settings named, compiled.
var thePACs = newPACCache(func(src string) (pacScript, error) { return pac.Compile(src) })

// lookupSystemProxy reads macOS' proxy settings with scutil (sysproxy: README "Works at
// the office"); a PAC file runs in package pac.
func lookupSystemProxy(target *url.URL) systemAnswer {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "/usr/sbin/scutil", "--proxy").Output()
	if err != nil {
		return systemAnswer{}
	}
	return macAnswer(parseScutilProxy(string(out)), target, thePACs.findProxy)
}
