// application:openURLs: for GLFW's application delegate: see openwith_darwin.go.

#import <Cocoa/Cocoa.h>
#import <objc/runtime.h>
#include <stdlib.h>
#include "_cgo_export.h"

// openURLs is the delegate's application:openURLs: (macOS 10.13 and later, which
// NSApplication prefers to application:openFiles:): it passes on the local files and
// folders among urls, with paths in the file system's own form.
static void openURLs(id self, SEL cmd, NSApplication *sender, NSArray<NSURL *> *urls) {
	@autoreleasepool {
		NSUInteger count = [urls count];
		const char **paths = calloc(count ? count : 1, sizeof(char *));
		if (paths == NULL) {
			return;
		}
		int n = 0;
		for (NSURL *url in urls) {
			if ([url isFileURL]) {
				paths[n++] = [url fileSystemRepresentation]; // lives until the pool drains
			}
		}
		hoistOpenedPaths((char **)paths, n);
		free(paths);
	}
}

// hoistAcceptOpenWith adds openURLs to GLFW's delegate class, which GLFW instantiates and
// sets as NSApp's delegate in glfwInit; the class itself is registered when the program
// loads. It does nothing when the class is not there or already answers.
void hoistAcceptOpenWith(void) {
	Class delegate = objc_getClass("GLFWApplicationDelegate");
	if (delegate == Nil) {
		return;
	}
	class_addMethod(delegate, @selector(application:openURLs:), (IMP)openURLs, "v@:@@");
}
