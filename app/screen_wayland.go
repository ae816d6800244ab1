//go:build (linux || freebsd || netbsd || openbsd) && wayland && !x11

package app

// windowPos: Wayland tells no program where its windows are, nor lets it place them; the
// window opens on the primary screen's size, where the compositor puts it.
func windowPos(any) (x, y int, ok bool) { return 0, 0, false }
