// Package safefile reads the files relloc is given with the limits that keep a hostile or broken file from
// hurting: a file must be a regular file (not /dev/zero, a FIFO or a folder), no larger than a limit given by
// the caller, and, when it lies in a workspace, a symbolic link to it must not lead outside the workspace (a
// release file linked to /etc/passwd would otherwise be echoed into findings and CI logs).
//
// Errors are *inputerr.Error values naming the file as the user sees it, so that the command layer exits with
// status 2. Nothing here is specific to a file format; Reader limits a stream (an import) the same way.
package safefile
