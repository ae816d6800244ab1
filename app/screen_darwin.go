package app

/*
#cgo CFLAGS: -x objective-c
#cgo LDFLAGS: -framework Cocoa -framework CoreGraphics
#import <Cocoa/Cocoa.h>

// hoistWindowPos is what glfwGetWindowPos says on macOS: the top-left corner of the
// window's content in points, y downwards from the top of the main display.
static int hoistWindowPos(uintptr_t nswindow, int *x, int *y) {
	NSWindow *w = (NSWindow *)(void *)nswindow;
	if (w == nil) {
		return 0;
	}
	NSRect content = [w contentRectForFrameRect:[w frame]];
	CGFloat top = CGDisplayBounds(CGMainDisplayID()).size.height;
	*x = (int)content.origin.x;
	*y = (int)(top - (content.origin.y + content.size.height));
	return 1;
}
*/
import "C"

import "fyne.io/fyne/v2/driver"

// windowPos is where the window of a RunNative context is (main thread).
func windowPos(ctx any) (x, y int, ok bool) {
	c, isMac := ctx.(driver.MacWindowContext)
	if !isMac || c.NSWindow == 0 {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.hoistWindowPos(C.uintptr_t(c.NSWindow), &cx, &cy) == 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}
