/** Remove every leading and trailing ch (a loop: the regex /^x+|x+$/ is quadratic on long runs). */
export function trimChar(s: string, ch: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === ch) a++;
  while (b > a && s[b - 1] === ch) b--;
  return s.slice(a, b);
}

/** Remove every trailing ch (a loop: /x+$/ is quadratic on a long run of x that does not end the string). */
export function trimEndChar(s: string, ch: string): string {
  let b = s.length;
  while (b > 0 && s[b - 1] === ch) b--;
  return s.slice(0, b);
}
