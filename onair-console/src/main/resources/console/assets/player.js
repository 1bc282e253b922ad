// Live preview: hls.js where Media Source Extensions exist, else the browser's own HLS. The element's
// data-state attribute reports what happened (loading, playing, error) for people and for tests.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var video = document.getElementById('live-preview');
    if (!video) { return; }
    var status = document.getElementById('player-status');
    var source = video.getAttribute('data-src');
    function report(state, text) {
      video.setAttribute('data-state', state);
      if (status) { status.textContent = text; }
    }
    video.addEventListener('playing', function () { report('playing', 'Playing'); });
    video.addEventListener('waiting', function () { report('buffering', 'Buffering…'); });
    if (window.Hls && window.Hls.isSupported()) {
      var hls = new window.Hls({ lowLatencyMode: true, liveSyncDurationCount: 2 });
      hls.on(window.Hls.Events.ERROR, function (event, data) {
        if (data.fatal) { report('error', 'Playback error: ' + data.details); }
      });
      hls.loadSource(source);
      hls.attachMedia(video);
      hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
        var playing = video.play();
        if (playing && playing.catch) { playing.catch(function () { report('paused', 'Press play to start.'); }); }
      });
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source;
      video.play();
    } else {
      report('error', 'This browser cannot play HLS.');
    }
  });
})();
