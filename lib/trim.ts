/** Remove every leading and trailing ch (a loop: the regex /^x+|x+$/ is quadratic on long runs). */
export function trimChar(s: string, ch: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s[a] === ch) a++;
  while (b > a && s[b - 1] === ch) b--;
  return s.slice(a, b);
}
