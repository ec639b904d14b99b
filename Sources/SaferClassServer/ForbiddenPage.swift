extension ProjectorPage {
  /// Served for the page's address without its key: the class's screen is the teacher's.
  static let forbidden = #"""
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Safer Shell class</title>
    <style>body{font:1.4rem system-ui,sans-serif;margin:4rem;color:#1d2433}</style></head>
    <body><h1>Safer Shell class</h1>
    <p>This page is for the teacher's screen: open the address <code>safer class host</code> printed, with its key.</p>
    <p>Students: type <code>join ADDRESS CODE</code> in your Safer Shell.</p></body></html>
    """#
}
