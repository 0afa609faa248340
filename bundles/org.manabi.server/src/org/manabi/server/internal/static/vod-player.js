// Records what the viewer really plays of the video on the VOD player page and reports it to the
// server, which merges the parts and decides completion (ViewingProgress). Only played stretches
// are reported: a seek closes the current stretch and starts a new one where playing resumes, so
// skipping ahead never counts as watched. An external file because the CSP forbids inline script.
(function () {
  'use strict';
  var video = document.getElementById('player');
  if (!video) {
    return;
  }
  var url = video.getAttribute('data-progress');
  var status = document.getElementById('progress');
  var pending = [];      // [start, end] in seconds, played since the last report that arrived
  var start = null;      // where the stretch being played began
  var last = null;       // the last position seen while playing
  var lastSeen = 0;      // when (performance.now(), ms) that position was seen
  var sending = false;
  // a position may run ahead of the real time passed by this much (seconds) and still count as
  // played; anything further is a seek. Measured against the clock rather than a fixed jump,
  // because a busy machine delays time updates by seconds while the video plays on.
  var SLACK = 1;

  function played(now) {
    var elapsed = (performance.now() - lastSeen) / 1000;
    return now >= last && now - last <= elapsed * (video.playbackRate || 1) + SLACK;
  }

  function seen(now) {
    last = now;
    lastSeen = performance.now();
  }

  function close() {
    if (start !== null && last !== null) {
      var now = video.currentTime;
      if (!video.seeking && played(now)) {
        seen(now);
      }
      if (last > start) {
        pending.push([start, last]);
      }
    }
    start = null;
  }

  function send() {
    if (sending) {
      return;
    }
    var parts = pending;
    var arrived = false;
    pending = [];
    sending = true;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ played: parts })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (progress) {
      arrived = true;
      status.textContent = progress.summary;
      status.setAttribute('data-completed', String(progress.completed));
      var items = document.querySelectorAll('ol.chapters li');
      progress.chaptersSeen.forEach(function (index) {
        if (items[index]) {
          items[index].classList.add('seen');
        }
      });
    }).catch(function () {
      // keep the parts for the next report
      pending = parts.concat(pending);
    }).then(function () {
      sending = false;
      // what was played while this report was on its way (the end, after a pause) goes now
      if (arrived && pending.length > 0) {
        send();
      }
    });
  }

  video.addEventListener('play', function () {
    if (start === null && pending.length === 0) {
      send(); // the first report starts the server's clock for this video
    }
  });
  video.addEventListener('playing', function () {
    start = video.currentTime;
    seen(start);
  });
  video.addEventListener('timeupdate', function () {
    if (video.paused || video.seeking) {
      return;
    }
    var now = video.currentTime;
    if (start === null) {
      start = now;
    } else if (!played(now)) {
      close();
      start = now;
    }
    seen(now);
  });
  video.addEventListener('seeking', close);
  video.addEventListener('pause', function () {
    close();
    send();
  });
  video.addEventListener('ended', function () {
    close();
    send();
  });
  setInterval(function () {
    if (!video.paused && start !== null) {
      close();
      start = video.currentTime;
      seen(start);
      send();
    }
  }, 10000);

  // chapter links seek in the player instead of opening the file
  Array.prototype.forEach.call(document.querySelectorAll('ol.chapters a[data-start]'), function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      video.currentTime = Number(link.getAttribute('data-start'));
      video.play();
    });
  });
}());
