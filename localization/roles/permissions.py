"""Page permissions, tightened: editing a page's text does not give power over the page tree.

Wagtail lets a user with only the "change" permission delete (and therefore move) unpublished leaf
pages (`PagePermissionTester.can_delete`). A translator has "change" on their language's tree and
must not change that tree, so deleting and moving also require "add" here (editors and moderators
have it). `pages.models.BasePage.permissions_for_user` returns this tester; Wagtail's views and
bulk actions all ask it.
"""

from wagtail.models import PagePermissionTester


class PortalPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        return self.user.is_superuser or "add" in self.permissions
