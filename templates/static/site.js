/* kplan site script: the definition of a ※ term on hover, keyboard focus and tap.
 *
 * Without this script each term is a plain link to its glossary entry, and screen readers already read the
 * definition: the link is aria-describedby its (hidden) tooltip element. The script only shows that element:
 * - on hover (it stays while the pointer is over the term or the tooltip, so it can be read and selected),
 * - on keyboard focus (it stays until the focus leaves),
 * - on tap: the first tap on a term shows the definition, a second tap follows the link to the glossary,
 * and Escape closes it (WCAG 1.4.13: dismissible, hoverable, persistent).
 */
(function () {
  'use strict';

  var GAP = 6;          // px between the term and its tooltip
  var MARGIN = 8;       // px kept free at the edges of the window
  var HIDE_DELAY = 300; // ms to move the pointer from the term onto the tooltip

  var openLink = null;      // the term whose tooltip is shown
  var dismissedLink = null; // the term whose tooltip Escape closed; it stays closed until pointer and focus leave
  var hideTimer = 0;
  var tapOnClosedTip = false;

  function termLink(node) {
    return node && node.closest ? node.closest('a.term[aria-describedby]') : null;
  }

  function insideTip(node) {
    return Boolean(node && node.closest && node.closest('.term-tip'));
  }

  function tipOf(link) {
    return document.getElementById(link.getAttribute('aria-describedby'));
  }

  function position(link, tip) {
    tip.style.left = '0px';
    tip.style.top = '0px';
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var viewWidth = document.documentElement.clientWidth;
    var left = Math.max(MARGIN, Math.min(box.left, viewWidth - tip.offsetWidth - MARGIN));
    var top = box.bottom + GAP;
    if (top + tip.offsetHeight > window.innerHeight && box.top - GAP - tip.offsetHeight > 0) {
      top = box.top - GAP - tip.offsetHeight;
    }
    tip.style.left = Math.round(left + window.scrollX) + 'px';
    tip.style.top = Math.round(top + window.scrollY) + 'px';
  }

  function show(link) {
    var tip = tipOf(link);
    if (!tip || link === dismissedLink) return;
    window.clearTimeout(hideTimer);
    if (openLink && openLink !== link) hideNow();
    tip.hidden = false;
    position(link, tip);
    openLink = link;
  }

  function hideNow() {
    window.clearTimeout(hideTimer);
    if (!openLink) return;
    var tip = tipOf(openLink);
    if (tip) tip.hidden = true;
    openLink = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideNow, HIDE_DELAY);
  }

  document.addEventListener('mouseover', function (event) {
    var link = termLink(event.target);
    if (link) show(link);
    else if (insideTip(event.target)) window.clearTimeout(hideTimer);
  });

  document.addEventListener('mouseout', function (event) {
    var from = termLink(event.target) || (insideTip(event.target) ? openLink : null);
    if (!from) return;
    var to = event.relatedTarget;
    if (termLink(to) === from || insideTip(to)) return;
    if (from === dismissedLink && document.activeElement !== from) dismissedLink = null;
    if (document.activeElement !== openLink) hideSoon();
  });

  document.addEventListener('focusin', function (event) {
    var link = termLink(event.target);
    if (link) show(link);
  });

  document.addEventListener('focusout', function (event) {
    var link = termLink(event.target);
    if (!link) return;
    if (link === dismissedLink) dismissedLink = null;
    if (link === openLink) hideSoon();
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && openLink) {
      dismissedLink = openLink;
      hideNow();
    }
  });

  document.addEventListener('pointerdown', function (event) {
    var link = termLink(event.target);
    tapOnClosedTip = Boolean(link) && event.pointerType !== 'mouse' && openLink !== link;
    if (!link && !insideTip(event.target)) hideNow();
  });

  document.addEventListener('click', function (event) {
    var link = termLink(event.target);
    var tapped = tapOnClosedTip && event.detail > 0; // detail 0: a click made with the keyboard
    tapOnClosedTip = false;
    if (!link || !tapped || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    dismissedLink = null;
    show(link);
  });

  window.addEventListener('resize', hideNow);
})();
