/**
 * ARIA role on a Taro View for both builds: `ariaRole` is the mini-program's attribute; on H5, Taro's web
 * components copy unknown string props onto the element (attribute and property), so `role` lands as the real
 * role attribute — `ariaRole` alone would not. Typed as ViewProps knows it. (Buttons: components/Button carries it.)
 */
export function roleProps(role: string): { ariaRole: string } {
  return { ariaRole: role, role } as { ariaRole: string }
}
