//go:build (linux || freebsd || netbsd || openbsd) && (x11 || !wayland)

package app

/*
#include <X11/Xlib.h>

// hoistWindowPos is what glfwGetWindowPos says on X11: where the window's content starts,
// relative to the root window.
static int hoistWindowPos(void *display, unsigned long window, int *x, int *y) {
	Display *d = display;
	Window child;
	return XTranslateCoordinates(d, (Window)window, DefaultRootWindow(d), 0, 0, x, y, &child);
}
*/
import "C"

import (
	"unsafe"

	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.4/glfw"
)

// windowPos is where the window of a RunNative context is (main thread). GLFW links Xlib
// already; the display is GLFW's own connection.
func windowPos(ctx any) (x, y int, ok bool) {
	c, isX11 := ctx.(driver.X11WindowContext)
	if !isX11 || c.WindowHandle == 0 || glfw.GetPlatform() != glfw.PlatformX11 {
		return 0, 0, false
	}
	display := unsafe.Pointer(glfw.GetX11Display())
	if display == nil {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.hoistWindowPos(display, C.ulong(c.WindowHandle), &cx, &cy) == 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}
