// Shows every <time datetime="…"> in the reader's own time zone; the server writes UTC as the fallback.
document.querySelectorAll('time[datetime]').forEach(function (node) {
  var at = new Date(node.getAttribute('datetime'));
  if (isNaN(at)) { return; }
  node.textContent = at.toLocaleString(undefined, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
});
