/// The system libedit plus a few non-variadic wrappers.
///
/// Swift cannot call C variadic functions, and el_set, el_get and history are all
/// variadic, so every call the shell needs goes through one small `safer_` function.
/// The non-variadic libedit calls (el_gets, el_wline, el_winsertstr, el_source, ...)
/// are used from Swift directly.
#ifndef SAFER_CEDITLINE_H
#define SAFER_CEDITLINE_H

#include <histedit.h>
#include <wchar.h>

/// The character that brackets invisible prompt text (EL_PROMPT_ESC).
#define SAFER_PROMPT_IGNORE '\1'

/// A command added with EL_ADDFN: gets the key that invoked it, returns a CC_* code.
typedef unsigned char (*safer_command_fn)(EditLine *el, int key);

/// el_init on stdin/stdout/stderr, with the shim's prompt (EL_PROMPT_ESC) and its
/// interruptible read function (EL_GETCFN) installed. `owner` is handed back by
/// safer_el_owner() so callbacks can find their Swift object. NULL if out of memory.
EditLine *safer_el_open(const char *program, void *owner);
/// el_end, and frees what safer_el_open allocated.
void safer_el_close(EditLine *el);
/// The `owner` given to safer_el_open.
void *safer_el_owner(EditLine *el);
/// Copies `prompt`; text between two SAFER_PROMPT_IGNORE characters takes no width.
int safer_el_set_prompt(EditLine *el, const char *prompt);
/// A countdown in the prompt until `deadline` (seconds since 1970; 0 turns it off): the
/// prompt becomes `before` + M:SS + `after`, redrawn every second while the student types,
/// and the read ends (el_gets returns NULL, count -1) when the deadline passes, with
/// safer_take_timeout() then returning 1. Set it after safer_el_set_prompt.
int safer_el_set_countdown(EditLine *el, double deadline, const char *before, const char *after);
/// Whether the last read ended at its countdown's deadline; clears the flag.
int safer_take_timeout(void);
/// Called when the wake descriptor is readable (after it is drained and the line being
/// edited is cleared from the screen): may print and change the prompt; returns 1 to end
/// the read (el_gets returns NULL, count -1, and safer_take_woken() then returns 1), 0 to
/// go on reading with the prompt and line drawn again.
typedef int (*safer_wake_fn)(void *owner);
/// Watches `fd` (a pipe's read end, non-blocking; -1: none) while reading.
int safer_el_set_wake(EditLine *el, int fd, safer_wake_fn fn);
/// Whether the last read was ended by the wake function; clears the flag.
int safer_take_woken(void);
/// Whether the last read ended because Ctrl-C threw away a half-typed line (to be read
/// again, on a fresh line); clears the flag.
int safer_take_cleared(void);
/// EL_EDITOR: "emacs" or "vi".
int safer_el_set_editor(EditLine *el, const char *mode);
/// EL_HIST: lets the editor walk `list` (Up, Down, Ctrl-R).
int safer_el_set_history(EditLine *el, History *list);
/// EL_ADDFN: makes `fn` available to `bind` under `name`.
int safer_el_add_command(EditLine *el, const char *name, const char *help, safer_command_fn fn);
/// EL_BIND: binds `key` (e.g. "^I") to a command in the current key map.
int safer_el_bind(EditLine *el, const char *key, const char *command);
/// The terminal width libedit is using (EL_GETTC "co"), 80 if unknown.
int safer_el_columns(EditLine *el);

/// history_init with a size limit and immediate duplicates ignored.
History *safer_history_open(int size);
int safer_history_enter(History *list, const char *line);
int safer_history_load(History *list, const char *path);
/** Forgets every entry (before loading another student's history). */
int safer_history_clear(History *list);
/** Writes the history to an open descriptor (H_SAVE_FP on a dup of it): the caller opened
    it without following links. Returns the number of entries, or -1. */
int safer_history_save_fd(History *list, int fd);

/// When stdin is a terminal, catches SIGINT, SIGWINCH and SIGCONT (without SA_RESTART)
/// so that a read in progress is interrupted. Returns 1 if installed. Nested calls are counted.
int safer_signals_install(void);
/// Puts back the handlers found by the matching safer_signals_install.
void safer_signals_restore(void);
/// Whether Ctrl-C was pressed since the last call; clears the flag.
int safer_take_interrupt(void);
/// Catches SIGTERM and SIGHUP (the terminal closed, a logout, a `kill`) on the calling
/// thread, which must be the one that reads input: the read in progress ends as on Ctrl-D,
/// and libedit's reader reports end of input from then on. A second signal kills.
int safer_termination_install(void);
/// The SIGTERM or SIGHUP received, or 0.
int safer_termination_signal(void);
/// Ends the shell as if `signal` had arrived (the output found its pipe closed: SIGPIPE).
void safer_request_termination(int signal);
/** Makes Ctrl-C a key that ends the read (flag set, as the SIGINT handler does) instead
    of a signal to the whole process group; returns 0 on success. */
int safer_el_catch_ctrl_c(EditLine *el);

#endif
