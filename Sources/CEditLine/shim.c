/// Non-variadic wrappers around libedit, and the signal handling that lets Ctrl-C
/// end a read at once. See include/CEditLine.h for what each function is for.
#include "CEditLine.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/time.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/// What the shim keeps per editor; libedit hands it back through EL_CLIENTDATA.
struct safer_state {
  char *prompt;
  void *owner;
  /* A countdown in the prompt: `before` + M:SS + `after`, redrawn every second until
     `deadline` (seconds since 1970; 0: none), when the read ends as timed out. */
  double deadline;
  char *before;
  char *after;
  /* Another source of events (a live class): when `wake_fd` is readable, `wake_fn` runs;
     it may print above the prompt and change it, and returns 1 to end the read. */
  int wake_fd;
  safer_wake_fn wake_fn;
};

static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t resized;
static volatile sig_atomic_t termination;
static volatile sig_atomic_t timed_out;
static volatile sig_atomic_t woken;
static volatile sig_atomic_t cleared;
static pthread_t termination_reader;
static int install_count;
static pthread_t reader_thread;
static struct sigaction previous_int;
static struct sigaction previous_winch;
static struct sigaction previous_cont;

static struct safer_state *state_of(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

/// libedit must never get NULL from a prompt function, hence the empty fallback.
static char *current_prompt(EditLine *el) {
  static char empty[] = "";
  struct safer_state *state = state_of(el);
  return state != NULL && state->prompt != NULL ? state->prompt : empty;
}

/// The EL_GETCFN reader. libedit's own reader retries a read that a signal
/// interrupted; this one gives up when Ctrl-C was pressed, so el_gets returns NULL
/// with a count of -1 straight away. A window resize only updates libedit's idea of
/// the width; after Ctrl-Z and `fg` the shell hands the terminal back in cooked mode,
/// so raw mode is set again and the line redrawn. Bytes are decoded to wide
/// characters in the current (UTF-8) locale.
static double now_seconds(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/// Puts the seconds left into the prompt (`before` M:SS `after`).
static void render_countdown(struct safer_state *state, double left) {
  long seconds = left <= 0 ? 0 : (long)(left + 0.999);
  char clock[32];
  snprintf(clock, sizeof clock, "%ld:%02ld", seconds / 60, seconds % 60);
  size_t size = strlen(state->before) + strlen(clock) + strlen(state->after) + 1;
  char *prompt = malloc(size);
  if (prompt == NULL) return;
  snprintf(prompt, size, "%s%s%s", state->before, clock, state->after);
  free(state->prompt);
  state->prompt = prompt;
}

/// Waits for a key. With a countdown, at most until the next whole second, redrawing the
/// prompt each second; with a wake descriptor, also for it, running the wake function when
/// it is readable. Returns 0 when a key is there, -1 when the deadline passed, -2 when the
/// wake function asked to end the read.
static int wait_for_input(EditLine *el, struct safer_state *state) {
  for (;;) {
    if (termination || interrupted) return 0;
    int wait_ms = -1;
    if (state->deadline > 0) {
      double left = state->deadline - now_seconds();
      if (left <= 0) return -1;
      double fraction = left - (double)(long)left;
      wait_ms = (int)((fraction > 0.001 ? fraction : 1.0) * 1000.0) + 1;
    }
    struct pollfd inputs[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = state->wake_fd, .events = POLLIN}};
    int ready = poll(inputs, state->wake_fd >= 0 ? 2 : 1, wait_ms);
    if (ready < 0 && errno != EINTR) return 0; /* let read() report the problem */
    if (ready > 0 && (inputs[0].revents & (POLLIN | POLLHUP | POLLERR))) return 0;
    if (ready > 0 && state->wake_fd >= 0 && (inputs[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      char drained[256];
      while (read(state->wake_fd, drained, sizeof drained) > 0) {
      }
      /* Clear the line being edited, so whatever the wake function prints starts on a
         clean row; the prompt and the line are drawn again after it. */
      static const char clear[] = "\r\033[J";
      if (write(STDOUT_FILENO, clear, sizeof clear - 1) < 0) return 0;
      if (state->wake_fn != NULL && state->wake_fn(state->owner) != 0) return -2;
      if (state->deadline > 0) render_countdown(state, state->deadline - now_seconds());
      el_set(el, EL_REFRESH);
      continue;
    }
    if (ready == 0 && state->deadline > 0) {
      render_countdown(state, state->deadline - now_seconds());
      /* EL_REFRESH redraws from where it believes the line starts: put the cursor there
         (start of the row, rows below cleared) so the new prompt replaces the old. */
      static const char back[] = "\r\033[J";
      if (write(STDOUT_FILENO, back, sizeof back - 1) < 0) return 0;
      el_set(el, EL_REFRESH);
    }
  }
}

static int read_char(EditLine *el, wchar_t *out) {
  mbstate_t state;
  memset(&state, 0, sizeof state);
  *out = L'\0';
  struct safer_state *editor = state_of(el);
  for (;;) {
    if (termination) return 0; /* as Ctrl-D: the shell says goodbye and saves */
    if (interrupted) {
      errno = EINTR;
      return -1;
    }
    if (editor != NULL && (editor->deadline > 0 || editor->wake_fd >= 0)) {
      int waited = wait_for_input(el, editor);
      if (waited < 0) {
        if (waited == -1) timed_out = 1;
        if (waited == -2) woken = 1;
        errno = EINTR;
        return -1;
      }
    }
    if (termination || interrupted) continue;
    char byte;
    ssize_t count = read(STDIN_FILENO, &byte, 1);
    if (count == 0) return 0;
    if (count < 0) {
      if (errno == EINTR) {
        if (resized) {
          resized = 0;
          el_resize(el);
        }
        struct termios modes;
        if (tcgetattr(STDIN_FILENO, &modes) == 0 && (modes.c_lflag & ICANON)) {
          el_set(el, EL_PREP_TERM, 0);
          el_set(el, EL_PREP_TERM, 1);
          el_set(el, EL_REFRESH);
        }
        continue;
      }
      if (errno == EAGAIN) {
        /* Another program left the terminal non-blocking: make it block again. */
        int flags = fcntl(STDIN_FILENO, F_GETFL);
        if (flags != -1 && fcntl(STDIN_FILENO, F_SETFL, flags & ~O_NONBLOCK) != -1) continue;
      }
      return -1;
    }
    size_t used = mbrtowc(out, &byte, 1, &state);
    if (used == (size_t)-2) continue;
    if (used == (size_t)-1) {
      memset(&state, 0, sizeof state);
      continue;
    }
    return 1;
  }
}

EditLine *safer_el_open(const char *program, void *owner) {
  struct safer_state *state = calloc(1, sizeof *state);
  if (state == NULL) return NULL;
  EditLine *el = el_init(program, stdin, stdout, stderr);
  if (el == NULL) {
    free(state);
    return NULL;
  }
  state->owner = owner;
  state->wake_fd = -1;
  el_set(el, EL_CLIENTDATA, state);
  el_set(el, EL_PROMPT_ESC, current_prompt, SAFER_PROMPT_IGNORE);
  el_set(el, EL_GETCFN, read_char);
  return el;
}

void safer_el_close(EditLine *el) {
  struct safer_state *state = state_of(el);
  el_end(el);
  if (state != NULL) {
    free(state->prompt);
    free(state->before);
    free(state->after);
    free(state);
  }
}

int safer_el_set_countdown(EditLine *el, double deadline, const char *before, const char *after) {
  struct safer_state *state = state_of(el);
  if (state == NULL) return -1;
  free(state->before);
  free(state->after);
  state->before = NULL;
  state->after = NULL;
  state->deadline = 0;
  if (deadline <= 0) return 0;
  state->before = strdup(before);
  state->after = strdup(after);
  if (state->before == NULL || state->after == NULL) return -1;
  state->deadline = deadline;
  render_countdown(state, deadline - now_seconds());
  return 0;
}

int safer_take_timeout(void) {
  int was = timed_out;
  timed_out = 0;
  return was;
}

int safer_el_set_wake(EditLine *el, int fd, safer_wake_fn fn) {
  struct safer_state *state = state_of(el);
  if (state == NULL) return -1;
  state->wake_fd = fd;
  state->wake_fn = fn;
  return 0;
}

int safer_take_woken(void) {
  int was = woken;
  woken = 0;
  return was;
}

void *safer_el_owner(EditLine *el) {
  struct safer_state *state = state_of(el);
  return state != NULL ? state->owner : NULL;
}

int safer_el_set_prompt(EditLine *el, const char *prompt) {
  struct safer_state *state = state_of(el);
  char *copy = strdup(prompt);
  if (state == NULL || copy == NULL) {
    free(copy);
    return -1;
  }
  free(state->prompt);
  state->prompt = copy;
  return 0;
}

int safer_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

int safer_el_set_history(EditLine *el, History *list) {
  return el_set(el, EL_HIST, history, list);
}

int safer_el_add_command(EditLine *el, const char *name, const char *help, safer_command_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

int safer_el_bind(EditLine *el, const char *key, const char *command) {
  return el_set(el, EL_BIND, key, command, NULL);
}

int safer_el_columns(EditLine *el) {
  int columns = 0;
  if (el_get(el, EL_GETTC, "co", &columns, NULL) != 0 || columns <= 0) return 80;
  return columns;
}

History *safer_history_open(int size) {
  HistEvent event;
  History *h = history_init();
  if (h == NULL) return NULL;
  history(h, &event, H_SETSIZE, size);
  history(h, &event, H_SETUNIQUE, 1);
  return h;
}

int safer_history_enter(History *list, const char *line) {
  HistEvent event;
  return history(list, &event, H_ENTER, line);
}

int safer_history_load(History *list, const char *path) {
  HistEvent event;
  return history(list, &event, H_LOAD, path);
}

int safer_history_save_fd(History *list, int fd) {
  int copy = dup(fd);
  if (copy < 0) return -1;
  FILE *file = fdopen(copy, "w");
  if (file == NULL) {
    close(copy);
    return -1;
  }
  HistEvent event;
  int saved = history(list, &event, H_SAVE_FP, file);
  if (fclose(file) != 0) return -1;
  return saved;
}

/// A process-directed signal may land on any thread; only the reading thread's
/// read() fails with EINTR, so the signal is passed on to it.
static void on_signal(int signal) {
  if (signal == SIGINT)
    interrupted = 1;
  else
    resized = 1;
  if (!pthread_equal(pthread_self(), reader_thread)) pthread_kill(reader_thread, signal);
}

/// SIGTERM or SIGHUP: remembered, so the shell ends as on Ctrl-D; the default action is
/// put back at once, so a second signal ends the process if the shell is stuck.
static void on_termination(int signal) {
  termination = signal;
  struct sigaction fallback;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigaction(signal, &fallback, NULL);
  if (!pthread_equal(pthread_self(), termination_reader)) pthread_kill(termination_reader, SIGURG);
}

/// Only there so that pthread_kill(SIGURG) interrupts the reading thread's read().
static void on_wake(int signal) { (void)signal; }

int safer_termination_install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: a blocked read must fail with EINTR */
  termination_reader = pthread_self();
  action.sa_handler = on_wake;
  sigaction(SIGURG, &action, NULL);
  action.sa_handler = on_termination;
  sigaction(SIGTERM, &action, NULL);
  sigaction(SIGHUP, &action, NULL);
  /* Output into a closed pipe (`safer | head`) fails with EPIPE instead of killing the
     shell mid-session; the output side then asks for the same clean ending. */
  signal(SIGPIPE, SIG_IGN);
  return 0;
}

int safer_termination_signal(void) { return termination; }

void safer_request_termination(int signal) {
  if (!termination) termination = signal;
}

int safer_signals_install(void) {
  if (!isatty(STDIN_FILENO)) return 0;
  if (install_count++ > 0) return 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; /* no SA_RESTART: the read must fail with EINTR */
  reader_thread = pthread_self();
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGWINCH, &action, &previous_winch);
  sigaction(SIGCONT, &action, &previous_cont);
  /* A shell started with these signals blocked (by a supervisor or an IDE) would never
     see Ctrl-C; the handlers only help if the signals can arrive. */
  sigset_t wanted;
  sigemptyset(&wanted);
  sigaddset(&wanted, SIGINT);
  sigaddset(&wanted, SIGWINCH);
  sigaddset(&wanted, SIGCONT);
  pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
  return 1;
}

void safer_signals_restore(void) {
  if (install_count == 0 || --install_count > 0) return;
  sigaction(SIGINT, &previous_int, NULL);
  sigaction(SIGWINCH, &previous_winch, NULL);
  sigaction(SIGCONT, &previous_cont, NULL);
}

/* Ctrl-C as a key, not a signal, while a line is edited: with ISIG off in libedit's edit
   mode the terminal sends no SIGINT to the process group, so a parent such as `make run`
   is not killed. As in bash and Python, on a half-typed line it throws the line away
   (`^C`, a fresh prompt below); on an empty line it sets the same flag the signal handler
   would and ends the read. */
static unsigned char interrupt_command(EditLine *el, int ch) {
  (void)ch;
  const LineInfoW *line = el_wline(el);
  if (line != NULL && line->lastchar > line->buffer) {
    cleared = 1; /* the caller reads again, on a fresh line */
    return CC_EOF;
  }
  interrupted = 1;
  return CC_EOF;
}

int safer_el_catch_ctrl_c(EditLine *el) {
  if (el_set(el, EL_ADDFN, "safer-interrupt", "Cancel the current question", interrupt_command) != 0) return -1;
  if (el_set(el, EL_BIND, "^C", "safer-interrupt", NULL) != 0) return -1;
  return el_set(el, EL_SETTY, "-d", "-isig", NULL);
}

int safer_take_cleared(void) {
  int was = cleared;
  cleared = 0;
  return was;
}

int safer_take_interrupt(void) {
  int was = interrupted;
  interrupted = 0;
  return was;
}

int safer_history_clear(History *list) {
  HistEvent event;
  return history(list, &event, H_CLEAR);
}
