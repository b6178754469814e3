// Loads the application's modules. Chrome drops requests in flight when the machine's network changes (as when
// a host adds a machine's interfaces), and a document never fetches a failed module again: so a failed load
// reloads the page, a few times at most. window.name carries the count; nothing is stored.
(function boot() {
  const RETRY = /^mtm-retry-(\d+)$/;
  import('./main.js').then(() => {
    if (RETRY.test(window.name)) {
      window.name = '';
    }
  }, (err) => {
    const n = Number((RETRY.exec(window.name) || [0, 0])[1]);
    if (n < 3) {
      window.name = 'mtm-retry-' + (n + 1);
      setTimeout(() => location.reload(), 400 * (n + 1));
    } else {
      window.name = '';
      document.getElementById('view').textContent = 'MT Manager could not load (' + err.message + '). Reload the page.';
    }
  });
})();
