package cli

import "github.com/spf13/pflag"

// outputFlag defines -o/--output, the one name of every command's output file, and keeps --out, which draft and
// tm export had, as another spelling of it.
func outputFlag(fs *pflag.FlagSet, p *string, usage string) {
	fs.StringVarP(p, "output", "o", "", usage)
	fs.SetNormalizeFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if name == "out" {
			name = "output"
		}
		return pflag.NormalizedName(name)
	})
}
