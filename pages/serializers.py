"""How taxonomy links appear in the Wagtail API: by stable slug, with their name."""

from rest_framework import serializers


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class CountrySerializer(TermSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True)


class SDGSerializer(TermSerializer):
    number = serializers.IntegerField(read_only=True)


def terms(**kwargs):
    return TermSerializer(many=True, read_only=True, **kwargs)


class PartnerSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)
    website = serializers.URLField(read_only=True)
