package main

import (
	"errors"
	"flag"
	"fmt"

	"hoist/app/store"
	"hoist/internal/words"
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
		return nil, exitFor(c.usageErr(cmd, words.N("cli.problem.login_arguments", len(pos), words.A{"Command": cmd.name})))
	}
	if store.IsBuiltin(cf.profile) {
		// Named as the window names it, in the language spoken, whatever name was typed.
		return nil, exitFor(c.usageErr(cmd, words.T("cli.problem.builtin_profile", words.A{"Name": store.DisplayName(cf.profile)})))
	}
	cn, err := c.resolve(cf)
	switch {
	case err != nil:
		return nil, exitFor(c.usageErr(cmd, words.Error(err)))
	case cn.Credentials.User == "":
		return nil, exitFor(c.usageErr(cmd, words.T("cli.problem.user", nil)))
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
		return exitFor(c.usageErr(cmd, words.Error(err)))
	}
	err = (&store.Credentials{}).Set(keyOf(*cn), pw)
	switch {
	case errors.Is(err, store.ErrPasswordTooLong):
		c.complain(cmd.name, words.T("cli.login.too_long", nil))
		return exitFailed
	case err != nil:
		c.complain(cmd.name, words.T("cli.login.not_saved", words.A{"Reason": keychainTrouble(err)}))
		return exitFailed
	}
	fmt.Fprintln(c.stdout, words.T("cli.login.saved", whose(*cn)))
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
		fmt.Fprintln(c.stdout, words.T("cli.logout.none", whose(*cn)))
		return exitOK
	}
	if err := creds.Forget(key); err != nil {
		c.complain(cmd.name, words.T("cli.logout.not_removed", words.A{"Reason": keychainTrouble(err)}))
		return exitFailed
	}
	fmt.Fprintln(c.stdout, words.T("cli.logout.removed", whose(*cn)))
	return exitOK
}

// whose names the keychain entry of cn for a sentence: its user, server and service.
func whose(cn conn) words.A {
	return words.A{"User": cn.Credentials.User, "Host": hostOf(cn.Endpoint.UploadURL), "Service": serviceName(cn.Endpoint.Service)}
}

func serviceName(s uploader.Service) string {
	if s == uploader.DrSum {
		return "Dr.Sum"
	}
	return "Scene7"
}
