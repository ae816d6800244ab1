// The helper functions every PAC file may call (Netscape's proxy auto-config, as the
// browsers define them). dnsResolve and myIpAddress are given by Hoist (pac.go).

function isPlainHostName(host) {
  return String(host).indexOf('.') < 0;
}

function dnsDomainIs(host, domain) {
  host = String(host).toLowerCase();
  domain = String(domain).toLowerCase();
  return host.length >= domain.length && host.substring(host.length - domain.length) === domain;
}

function localHostOrDomainIs(host, hostdom) {
  host = String(host).toLowerCase();
  hostdom = String(hostdom).toLowerCase();
  return host === hostdom || hostdom.lastIndexOf(host + '.', 0) === 0;
}

function dnsDomainLevels(host) {
  return String(host).split('.').length - 1;
}

function isResolvable(host) {
  return dnsResolve(host) !== null;
}

function convert_addr(ip) {
  var b = String(ip).split('.');
  return (((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff)) >>> 0;
}

function isInNet(host, pattern, mask) {
  var ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : dnsResolve(host);
  if (!ip) {
    return false;
  }
  var m = convert_addr(mask);
  return ((convert_addr(ip) & m) >>> 0) === ((convert_addr(pattern) & m) >>> 0);
}

function shExpMatch(str, shexp) {
  var re = String(shexp).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp('^' + re + '$').test(String(str));
}

// The time functions take an optional last argument "GMT".
function __pacArgs(args) {
  var a = Array.prototype.slice.call(args);
  var gmt = a.length > 0 && a[a.length - 1] === 'GMT';
  if (gmt) {
    a.pop();
  }
  return { a: a, gmt: gmt, now: new Date() };
}

var __pacDays = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
var __pacMonths = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function weekdayRange() {
  var p = __pacArgs(arguments);
  var d = p.gmt ? p.now.getUTCDay() : p.now.getDay();
  var w1 = __pacDays.indexOf(p.a[0]);
  var w2 = p.a.length > 1 ? __pacDays.indexOf(p.a[1]) : w1;
  if (w1 < 0 || w2 < 0) {
    return false;
  }
  return w1 <= w2 ? (d >= w1 && d <= w2) : (d >= w1 || d <= w2);
}

function timeRange() {
  var p = __pacArgs(arguments);
  var n = p.now;
  var h = p.gmt ? n.getUTCHours() : n.getHours();
  var cur = h * 3600 + (p.gmt ? n.getUTCMinutes() : n.getMinutes()) * 60 + (p.gmt ? n.getUTCSeconds() : n.getSeconds());
  var a = p.a.map(Number);
  var lo, hi;
  switch (a.length) {
    case 1:
      return h === a[0];
    case 2:
      lo = a[0] * 3600; hi = a[1] * 3600;
      break;
    case 4:
      lo = a[0] * 3600 + a[1] * 60; hi = a[2] * 3600 + a[3] * 60;
      break;
    case 6:
      lo = a[0] * 3600 + a[1] * 60 + a[2]; hi = a[3] * 3600 + a[4] * 60 + a[5];
      break;
    default:
      return false;
  }
  return lo <= hi ? (cur >= lo && cur < hi) : (cur >= lo || cur < hi);
}

function dateRange() {
  var p = __pacArgs(arguments);
  var n = p.now;
  var cur = {
    d: p.gmt ? n.getUTCDate() : n.getDate(),
    m: p.gmt ? n.getUTCMonth() : n.getMonth(),
    y: p.gmt ? n.getUTCFullYear() : n.getFullYear()
  };
  function part(list) {
    var q = {};
    list.forEach(function (v) {
      var i = __pacMonths.indexOf(String(v).toUpperCase());
      if (i >= 0) { q.m = i; } else if (Number(v) > 31) { q.y = Number(v); } else { q.d = Number(v); }
    });
    return q;
  }
  function key(fields, q) {
    return (fields.y !== undefined ? q.y : 0) * 10000 + (fields.m !== undefined ? q.m : 0) * 100 + (fields.d !== undefined ? q.d : 0);
  }
  if (p.a.length === 0) {
    return false;
  }
  if (p.a.length % 2 === 1) {
    var one = part(p.a);
    return key(one, one) === key(one, cur);
  }
  var lo = part(p.a.slice(0, p.a.length / 2));
  var hi = part(p.a.slice(p.a.length / 2));
  var k1 = key(lo, lo), k2 = key(hi, hi), c1 = key(lo, cur), c2 = key(hi, cur);
  return k1 <= k2 ? (c1 >= k1 && c2 <= k2) : (c1 >= k1 || c2 <= k2);
}
