package main

import (
	"errors"
	"flag"
	"fmt"

	"hoist/app/store"
	"hoist/uploader"
)

var loginCommand = &command{
	name:    "login",
	summary: "cli.login.summary",
	more:    []string{"cli.login.more"},
	examples: []string{
		`printf '%s\n' "$PASSWORD" | hoist login --profile Production`,
		`hoist login --user me@example.com --region emea --staging < password.txt`,
		`printf '%s\n' "$PASSWORD" | hoist login --service drsum --endpoint https://drsum.example.com/api/v1.0/file/upload --user apiuser01`,
	},
	flags: func(fs *flag.FlagSet) { addConnFlags(fs) },
	run:   runLogin,
}

var logoutCommand = &command{
	name:    "logout",
	summary: "cli.logout.summary",
	examples: []string{
		`hoist logout --profile Production`,
		`hoist logout --user me@example.com --region emea --staging`,
	},
	flags: func(fs *flag.FlagSet) { addConnFlags(fs) },
	run:   runLogout,
}

// keychainConn parses login's and logout's flags and resolves the connection whose
// keychain entry they change. When the command must stop (help, a problem) the connection
// is nil and the int is the exit status.
func (c *cli) keychainConn(cmd *command, args []string) (*conn, int) {
	fs := flag.NewFlagSet("hoist "+cmd.name, flag.ContinueOnError)
	cf := addConnFlags(fs)
	pos, err := c.parse(cmd, fs, args)
	if err != nil {
		return nil, exitFor(err)
	}
	if len(pos) > 0 {
		return nil, exitFor(c.usageErr(cmd, "%s takes no arguments (got %d); name the connection with --profile or the connection flags", cmd.name, len(pos)))
	}
	if store.IsBuiltin(cf.profile) {
		return nil, exitFor(c.usageErr(cmd, "the %q connection needs no saved password: the sandbox's demo password is built in", cf.profile))
	}
	cn, err := c.resolve(cf)
	switch {
	case err != nil:
		return nil, exitFor(c.usageErr(cmd, "%v", err))
	case cn.Credentials.User == "":
		return nil, exitFor(c.usageErr(cmd, "pass the user name with --user (or use --profile)"))
	}
	return &cn, exitOK
}

func runLogin(c *cli, cmd *command, args []string) int {
	cn, code := c.keychainConn(cmd, args)
	if cn == nil {
		return code
	}
	pw, err := c.readPassword()
	if err != nil {
		return exitFor(c.usageErr(cmd, "%v", err))
	}
	err = (&store.Credentials{}).Set(keyOf(*cn), pw)
	switch {
	case errors.Is(err, store.ErrPasswordTooLong):
		fmt.Fprintf(c.stderr, "hoist login: the password was not saved: it is too long for the OS keychain. Pass it with --password-stdin or HOIST_PASSWORD instead.\n")
		return exitFailed
	case err != nil:
		fmt.Fprintf(c.stderr, "hoist login: the password was not saved: %s. Pass it with --password-stdin or HOIST_PASSWORD instead.\n", keychainTrouble(err))
		return exitFailed
	}
	fmt.Fprintf(c.stdout, "Saved the password of %s for %s (%s) in the OS keychain.\n", cn.Credentials.User, hostOf(cn.Endpoint.UploadURL), serviceName(cn.Endpoint.Service))
	return exitOK
}

func runLogout(c *cli, cmd *command, args []string) int {
	cn, code := c.keychainConn(cmd, args)
	if cn == nil {
		return code
	}
	creds := &store.Credentials{}
	key := keyOf(*cn)
	if _, err := creds.Get(key); errors.Is(err, store.ErrNoPassword) {
		fmt.Fprintf(c.stdout, "No password of %s for %s (%s) was saved; nothing to remove.\n", cn.Credentials.User, hostOf(cn.Endpoint.UploadURL), serviceName(cn.Endpoint.Service))
		return exitOK
	}
	if err := creds.Forget(key); err != nil {
		fmt.Fprintf(c.stderr, "hoist logout: the password was not removed: %s.\n", keychainTrouble(err))
		return exitFailed
	}
	fmt.Fprintf(c.stdout, "Removed the password of %s for %s (%s) from the OS keychain.\n", cn.Credentials.User, hostOf(cn.Endpoint.UploadURL), serviceName(cn.Endpoint.Service))
	return exitOK
}

func serviceName(s uploader.Service) string {
	if s == uploader.DrSum {
		return "Dr.Sum"
	}
	return "Scene7"
}
